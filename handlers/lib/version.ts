// The product version, stamped into each bundle by bin/build-handlers.mjs (package.json "version").
declare const __APP_VERSION__: string | undefined;

export const BUILD_VERSION: string = typeof __APP_VERSION__ === "string" ? __APP_VERSION__ : "0.0.0-dev";
