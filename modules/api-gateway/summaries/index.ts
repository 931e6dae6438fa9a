export * from "./cost-summary.js";
export * from "./performance-summary.js";
export * from "./price-table.js";
export * from "./security-summary.js";
