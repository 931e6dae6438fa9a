// Process-wide settings for the bundles under test: a region and fake credentials for the real AWS SDK
// talking to dynalite, and no Node-version nag from the SDK (the tests run on Node 20, Lambda on 22).
process.env.AWS_REGION = "us-east-1";
process.env.AWS_ACCESS_KEY_ID = "test";
process.env.AWS_SECRET_ACCESS_KEY = "test";
process.env.AWS_EC2_METADATA_DISABLED = "true";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export const ROOT = new URL("../../../", import.meta.url).pathname;
