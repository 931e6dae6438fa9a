/**
 * The flags of `local` and `token`. The command checks them (one-line usage errors, --help) before it loads
 * local/, whose commands parse with these same definitions.
 */
export const LOCAL_OPTIONS = {
  config: { type: "string" },
  stage: { type: "string" },
  port: { type: "string" },
  fixture: { type: "string" },
  "quiet-functions": { type: "boolean" },
  "state-dir": { type: "string" },
} as const;

export const TOKEN_OPTIONS = {
  tenant: { type: "string" },
  role: { type: "string" },
  scope: { type: "string", multiple: true },
  expires: { type: "string" },
  profile: { type: "string" },
  sub: { type: "string" },
  "state-dir": { type: "string" },
} as const;
