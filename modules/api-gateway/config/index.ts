export * from "./common.js";
export * from "./domains.js";
export * from "./http-api.js";
export * from "./module-inputs.js";
export * from "./rest-api.js";
export * from "./vpc-links.js";
