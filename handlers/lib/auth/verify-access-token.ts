// Verification of one access token: jose.jwtVerify with the asymmetric allowlist, exact issuer, required
// exp/iat/sub, maximum token age and bounded clock tolerance (nbf honoured by jose); its key resolver first
// checks the protected header (token-header.ts) and then takes the key from the JWKS cache; finally the
// claim rules of access-claims.ts.
import { jwtVerify, type JWSHeaderParameters, type JWTVerifyOptions } from "jose";
import { accessContextOf, type AccessContext } from "./access-claims.js";
import { fromJoseError } from "./auth-error.js";
import { ALGORITHMS, type AuthorizerConfig } from "./authorizer-config.js";
import type { JwksCache } from "./jwks-cache.js";
import { checkProtectedHeader } from "./token-header.js";

export type TokenVerifier = (token: string) => Promise<AccessContext>;

export function createTokenVerifier(config: AuthorizerConfig, keys: JwksCache): TokenVerifier {
  const options: JWTVerifyOptions = {
    algorithms: [...ALGORITHMS],
    issuer: config.issuer,
    requiredClaims: ["exp", "iat", "sub"],
    maxTokenAge: config.maxTokenAgeSeconds,
    clockTolerance: config.clockToleranceSeconds,
  };
  const resolveKey = (header: JWSHeaderParameters) => {
    checkProtectedHeader(header);
    return keys.keyFor(header);
  };
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, resolveKey, options));
    } catch (error) {
      throw fromJoseError(error);
    }
    return accessContextOf(payload, config);
  };
}
