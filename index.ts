// The package's typed entry point, for users who compose the module into CDKTF stacks of their own.
export * from "./modules/api-gateway/index.js";
export { ApiGatewayStack, MODULE_ID } from "./stacks/api-gateway-stack.js";
export { defineConfig, type EnvironmentConfig, type S3BackendConfig, type StackSettings } from "./stacks/environment-config.js";
export { extendBase, mergeConfig, type ConfigBase, type Override } from "./stacks/extend-base.js";
export * from "./modules/application/index.js";
export { checkStackConfig, type StackConfig } from "./stacks/load-stack-configs.js";
export { serverlessGateway, type ServerlessGatewayVariables } from "./stacks/presets/serverless-gateway.js";
export * from "./modules/identity/index.js";
