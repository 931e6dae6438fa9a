// Lambda entry: JWT authorizer for HTTP API (payload 2.0, simple responses) and REST API (TOKEN/REQUEST).
// Built once per container; see handlers/lib/auth/authorizer-config.ts for its environment.
import { createAuthorizerHandler } from "../lib/auth/authorizer-handler.js";

export const handler = createAuthorizerHandler(process.env);
