// Why a token was refused: a code from a closed union (logged as `reason`, switched on by tests and
// alarms), never the token or its claims. Clients only ever see 401 / `{ isAuthorized: false }`.

export type AuthErrorCode =
  | "ERR_EVENT_SHAPE"
  | "ERR_TOKEN_MISSING"
  | "ERR_TOKEN_AMBIGUOUS"
  | "ERR_TOKEN_TOO_LARGE"
  | "ERR_TOKEN_MALFORMED"
  | "ERR_TOKEN_HEADER"
  | "ERR_ALG_NOT_ALLOWED"
  | "ERR_KEY_NOT_FOUND"
  | "ERR_SIGNATURE_INVALID"
  | "ERR_TOKEN_EXPIRED"
  | "ERR_TOKEN_NOT_YET_VALID"
  | "ERR_TOKEN_TOO_OLD"
  | "ERR_CLAIM_MISSING"
  | "ERR_CLAIM_INVALID"
  | "ERR_ISSUER"
  | "ERR_AUDIENCE"
  | "ERR_TOKEN_USE"
  | "ERR_TENANT_CLAIM"
  | "ERR_TENANT_UNREGISTERED"
  | "ERR_TENANT_SUSPENDED"
  | "ERR_SUBJECT_CLAIM"
  | "ERR_TOKEN_INVALID"
  | "ERR_JWKS_UNAVAILABLE"
  | "ERR_JWKS_TOO_LARGE"
  | "ERR_JWKS_INVALID"
  | "ERR_INTERNAL";

export class AuthError extends Error {
  override name = "AuthError";

  constructor(
    readonly code: AuthErrorCode,
    /** A short, token-free detail for the log (a header or claim name, an HTTP status). */
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail === undefined ? code : `${code}: ${detail}`, options);
  }
}

/** jose's own error codes (a closed union too), translated at the boundary. */
export function fromJoseError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const claim = typeof error === "object" && error !== null && "claim" in error ? String(error.claim) : undefined;
  const reason = typeof error === "object" && error !== null && "reason" in error ? String(error.reason) : undefined;
  switch (code) {
    case "ERR_JOSE_ALG_NOT_ALLOWED":
      return new AuthError("ERR_ALG_NOT_ALLOWED", undefined, { cause: error });
    case "ERR_JWKS_NO_MATCHING_KEY":
      return new AuthError("ERR_KEY_NOT_FOUND", undefined, { cause: error });
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return new AuthError("ERR_SIGNATURE_INVALID", undefined, { cause: error });
    case "ERR_JOSE_NOT_SUPPORTED": // an unknown `crit` extension
      return new AuthError("ERR_TOKEN_HEADER", "crit", { cause: error });
    case "ERR_JWS_INVALID":
    case "ERR_JWT_INVALID":
      return new AuthError("ERR_TOKEN_MALFORMED", undefined, { cause: error });
    case "ERR_JWT_EXPIRED":
      return new AuthError(claim === "iat" ? "ERR_TOKEN_TOO_OLD" : "ERR_TOKEN_EXPIRED", claim, { cause: error });
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      if (reason === "missing") return new AuthError("ERR_CLAIM_MISSING", claim, { cause: error });
      if (claim === "iss") return new AuthError("ERR_ISSUER", undefined, { cause: error });
      if (claim === "nbf") return new AuthError("ERR_TOKEN_NOT_YET_VALID", claim, { cause: error });
      return new AuthError("ERR_CLAIM_INVALID", claim, { cause: error });
    default:
      return code.startsWith("ERR_J")
        ? new AuthError("ERR_TOKEN_INVALID", code, { cause: error })
        : new AuthError("ERR_INTERNAL", undefined, { cause: error });
  }
}
