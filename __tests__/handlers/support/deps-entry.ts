// Test entry bundled by library-bundle.ts: the per-container deps of the catalog/orders handlers, exactly as
// the Lambda entries build them (their secret store has no other handle until routes use it).
export { containerDeps } from "../../../handlers/lib/app/deps.js";
