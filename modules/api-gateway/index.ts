export * from "./api-gateway-module.js";
export * from "./config/index.js";
export type * from "./model.js";
export type * from "./rest/rest-model.js";
export * from "./summaries/index.js";
export * from "./validation/load-module-config.js";
export { ConfigValidationError, formatProblem, type ConfigProblem } from "./validation/problems.js";
