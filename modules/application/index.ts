export type * from "./config.js";
export type * from "./model.js";
export { ApplicationRuntime, type ApplicationRuntimeProps, type MountedApi } from "./application-runtime.js";
export { APPLICATION_ROUTES } from "./application-routes.js";
export { checkApplicationConfig } from "./check-application-config.js";
export { mountApplication } from "./mount-application.js";
export { mountedApi } from "./mounted-api.js";
