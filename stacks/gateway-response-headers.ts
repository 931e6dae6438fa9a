import { withGatewayResponseHeaders } from "../modules/api-gateway/rest/gateway-responses.js";
import type { LoadedModuleConfig } from "../modules/api-gateway/validation/load-module-config.js";
import { SECURITY_HEADERS } from "../handlers/lib/http/security-headers.js";

/**
 * A tenant environment's REST APIs answer their own errors (401, 403, 429, 4xx, 5xx) with the security headers
 * the handlers put on every response: one list, `handlers/lib/http/security-headers.ts`, pure data.
 */
export function withSecurityHeadersOnGatewayResponses(module: LoadedModuleConfig): LoadedModuleConfig {
  return { ...module, model: withGatewayResponseHeaders(module.model, SECURITY_HEADERS) };
}
