export interface HandlerArtifact {
  readonly name: string;
  /** Absolute path of the deterministic zip. */
  readonly zipPath: string;
  /** Base64 SHA-256 of the zip: what `filebase64sha256()` gives, for `source_code_hash`. */
  readonly sha256Base64: string;
}
export declare const HANDLER_NAMES: readonly string[];
export declare function ensureHandlersBuilt(options?: { root?: string }): Promise<Record<string, HandlerArtifact>>;
export declare function handlerArtifacts(options?: { outDir?: string; names?: readonly string[] }): Record<string, HandlerArtifact>;
