export type { IdentityConfig, IdentityMachineClientConfig, IdentityUserClientConfig } from "./config.js";
export type { IdentityModel } from "./model.js";
export { IdentityPool, type IdentityPoolProps } from "./identity-pool.js";
