import { test } from "vitest";
import { App, TerraformStack } from "cdktf";
import { ApiGatewayModule } from "../modules/api-gateway/api-gateway-module.js";
import { loadModuleConfig } from "../modules/api-gateway/validation/load-module-config.js";
import { ConfigValidationError } from "../modules/api-gateway/validation/problems.js";
import { getAt, keyedEntries, validExamples } from "./trust/keyed-entries.js";

function outcome(config: any): string {
  let loaded;
  try { loaded = loadModuleConfig(config); } catch (e) {
    if (e instanceof ConfigValidationError) return "rejected:" + e.problems.filter(p => /address|construct id/.test(p.message)).length;
    return "CRASH-load " + (e as Error).message;
  }
  try { new ApiGatewayModule(new TerraformStack(new App({ skipValidation: true }), "s"), "apigw", loaded); return "ok"; }
  catch (e) { return (e instanceof ConfigValidationError ? "ORACLE " : "CRASH-build ") + (e as Error).message.split("\n")[0]; }
}

test("explore", () => {
  for (const { name, config } of validExamples()) {
    const o = outcome(config); console.log(name, o, keyedEntries(config).length); if (o !== "ok") continue;
    for (const entry of keyedEntries(config)) {
      const key = entry.segments.at(-1)!;
      const parent = entry.segments.slice(0, -1);
      // sibling: two new keys differing in punctuation
      const a = structuredClone(config);
      const map = getAt(a, parent);
      map[`${key}.v`] = structuredClone(map[key]); map[`${key}_v`] = structuredClone(map[key]);
      const r1 = outcome(a);
      // cross level: parent entry P gets twin "P__x", P's map gets "x__key"
      let r2 = "n/a";
      if (entry.keys.length > 1) {
        const b = structuredClone(config);
        const pSeg = entry.segments.slice(0, entry.segments.findLastIndex((s, i) => i < entry.segments.length - 1 && s === entry.keys.at(-2)) + 1);
        const pMap = getAt(b, pSeg.slice(0, -1)); const pKey = pSeg.at(-1)!;
        pMap[`${pKey}__x`] = structuredClone(pMap[pKey]);
        getAt(b, parent)[`x__${key}`] = structuredClone(getAt(b, parent)[key]);
        r2 = outcome(b);
      }
      // slash
      const c = structuredClone(config); const cm = getAt(c, parent); cm[`${key}/s`] = structuredClone(cm[key]); cm[`${key}--s`] = structuredClone(cm[key]);
      const r3 = outcome(c);
      if (![r1, r2, r3].every(r => r.startsWith("rejected:") && r !== "rejected:0" || r === "n/a")) console.log(name, entry.segments.join("."), "|", r1, "|", r2, "|", r3);
    }
  }
});
test("rest paths across apis", () => {
  const method = (path: string) => ({ path, http_method: "GET", integration: { type: "MOCK" } });
  const c = { name_prefix: "x", rest_apis: { a: { methods: { m: method("/users/{id}") }, stages: { live: {} } }, a__users: { methods: { m: method("/{id}") }, stages: { live: {} } } } };
  console.log(outcome(c));
  const d = { name_prefix: "x", rest_apis: { a: { api_keys: { c: {}, "b__c": {} }, usage_plans: { "a__b": { api_keys: ["c"] }, a: { api_keys: ["b__c"] } }, methods: { m: method("/u") }, stages: { live: {} } } } };
  console.log(outcome(d));
});
