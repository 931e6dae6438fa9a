// Lambda entry: Cognito pre-token-generation trigger that puts tenant and role into access tokens.
// Built once per container; see handlers/lib/identity/token-claims.ts.
import { createTokenClaimsHandler } from "../lib/identity/token-claims-handler.js";

export const handler = createTokenClaimsHandler(process.env);
