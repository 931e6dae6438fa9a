import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { IdentityPool } from "./identity-pool.js";

/** The pool's outputs. Client secrets are never outputs: they would be printed by every `terraform output`. */
export function createIdentityOutputs(scope: Construct, identity: IdentityPool): void {
  const output = (id: string, value: unknown, description: string) => new TerraformOutput(scope, id, { value, description }).overrideLogicalId(id);
  const ids = (clients: ReadonlyMap<string, { id: string }>) => Object.fromEntries([...clients].map(([key, client]) => [key, client.id]));
  output("identity_user_pool_id", identity.pool.id, "Cognito user pool id");
  output("identity_user_pool_arn", identity.pool.arn, "Cognito user pool ARN");
  output("identity_issuer_url", identity.issuerUrl, "Issuer (iss) of the pool's tokens; the authorizer's JWT_ISSUER");
  output("identity_token_endpoint", identity.tokenEndpoint, "OAuth 2.0 token endpoint (client credentials, authorization code)");
  const secretNote = "Secrets are not outputs: read one with aws cognito-idp describe-user-pool-client --user-pool-id <identity_user_pool_id> --client-id <id> --query UserPoolClient.ClientSecret";
  output("identity_machine_client_ids", ids(identity.machineClients), `Client-credentials app client id by application tenant. ${secretNote}`);
  output("identity_user_client_ids", ids(identity.userClients), `User-facing app client id by key (public clients have no secret). ${secretNote}`);
}
