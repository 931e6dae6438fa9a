import type { ApplicationModel } from "../application/model.js";
import type { IdentityPool } from "./identity-pool.js";

/**
 * The application with its authorizer pointed at the pool: issuer `https://cognito-idp.<region>.amazonaws.com/<pool id>`
 * and every client id as an audience (Cognito access tokens carry `client_id`, which the authorizer matches when a token
 * has no `aud`). An authorizer the config names itself (an external issuer) is kept as written.
 */
export function withIdentityAuthorizer(app: ApplicationModel, identity: IdentityPool): ApplicationModel {
  if (!app.authorizer?.fromIdentity) return app;
  return { ...app, authorizer: { ...app.authorizer, issuer: identity.issuerUrl, audiences: identity.clientIds } };
}
