import type { RestApiConfig } from "../config/rest-api.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { suggestion } from "../validation/did-you-mean.js";
import { joinPath, quote } from "../validation/problems.js";
import { jsonDocumentOf } from "./json-document.js";
import type { RestApiModelModel, RestModelRef, RestValidatorKind, RestValidatorModel } from "./rest-model.js";

/** Models every REST API has; a method may name them without defining them. */
const BUILT_IN_MODELS = ["Empty", "Error"] as const;
const MODEL_NAME = /^[A-Za-z0-9]+$/;

/** `user_input` → `UserInput`: AWS model names are letters and digits only. */
export function modelNameOf(key: string): string {
  return key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** The `models` of a REST API, checked: names AWS takes, unique, and schemas that are JSON. */
export function normalizeRestModels(api: RestApiConfig, path: string, ctx: NormalizeContext): RestApiModelModel[] {
  const byName = new Map<string, string>();
  return sortedEntries(api.models).flatMap(([key, model]): RestApiModelModel[] => {
    const at = joinPath(path, "models", key);
    const name = model.name ?? modelNameOf(key);
    const namePath = model.name === undefined ? at : joinPath(at, "name");
    if (!MODEL_NAME.test(name)) {
      ctx.problems.error(namePath, `model name ${quote(name)} is not allowed: AWS takes letters and digits only`, `set name = ${quote(modelNameOf(name) || "Model")}`);
    } else if ((BUILT_IN_MODELS as readonly string[]).includes(name)) {
      ctx.problems.error(namePath, `model name ${quote(name)} is one every REST API already has`, `use it without defining it, or pick another name`);
    }
    const earlier = byName.get(name);
    if (earlier !== undefined) ctx.problems.error(namePath, `model name ${quote(name)} is also models.${earlier}'s`, "give one of them another name");
    byName.set(name, key);
    const schema = jsonDocumentOf(model.schema, joinPath(at, "schema"), ctx.problems, "JSON Schema");
    if (schema === undefined) return [];
    return [{ key, name, description: model.description, contentType: model.content_type ?? "application/json", schema }];
  });
}

/** Resolves a model named in `request_models` or `response_models`: a `models` key, or `Empty` / `Error`. */
export function modelRefOf(api: RestApiConfig, name: string, path: string, ctx: NormalizeContext): RestModelRef | undefined {
  if ((BUILT_IN_MODELS as readonly string[]).includes(name)) return { builtIn: name as "Empty" | "Error" };
  if (api.models?.[name] !== undefined) return { modelKey: name };
  ctx.problems.error(path, `model ${quote(name)} is not defined`, suggestion(name, [...Object.keys(api.models ?? {}), ...BUILT_IN_MODELS], "models"));
  return undefined;
}

/** One request validator per kind the API's methods use, named after the API. */
export function validatorsFor(kinds: Iterable<RestValidatorKind>, apiName: string): RestValidatorModel[] {
  return [...new Set(kinds)].sort().map((kind) => ({
    kind,
    name: `${apiName}-${kind.toLowerCase().replace(/_/g, "-")}`,
    validateBody: kind !== "PARAMETERS",
    validateParameters: kind !== "BODY",
  }));
}
