import { address } from "../api-gateway/common/addresses.js";
import { writeReference } from "../common/product-references.js";
import type { FunctionName } from "./model.js";

/** Construct id of the runtime in a stack, and so the first part of its resource addresses (`app__orders`). */
export const RUNTIME_ID = "app";

/** Prefix of the config keys the application adds to the API (`app_get_catalog`, `app_jwt`). */
export const KEY_PREFIX = "app_";

/** Key of the JWT authorizer in the API's `lambda_authorizers` (HTTP) or `authorizers` (REST). */
export const AUTHORIZER_KEY = `${KEY_PREFIX}jwt`;

export interface ApplicationRoute {
  /** Route (HTTP) or method (REST) key, without the prefix. */
  readonly key: string;
  readonly fn: FunctionName;
  readonly method: "GET" | "POST";
  readonly path: string;
  /** Behind the JWT authorizer. */
  readonly authorized: boolean;
}

/** The routes of the catalog/orders API contract (catalog, orders) and the serverless gateway deployment (health), in one place. */
export const APPLICATION_ROUTES: readonly ApplicationRoute[] = [
  { key: "get_health", fn: "health", method: "GET", path: "/health", authorized: false },
  { key: "get_catalog", fn: "catalog", method: "GET", path: "/catalog", authorized: true },
  { key: "get_product", fn: "catalog", method: "GET", path: "/catalog/{productId}", authorized: true },
  { key: "post_orders", fn: "orders", method: "POST", path: "/orders", authorized: true },
  { key: "get_order", fn: "orders", method: "GET", path: "/orders/{orderId}", authorized: true },
];

/** Terraform name of a function's `aws_lambda_function` (and of its role, log group, ...). */
export function functionAddress(fn: FunctionName): string {
  return address(RUNTIME_ID, fn);
}

/**
 * A Terraform reference to the function's invoke ARN, written into the module inputs before the module is
 * checked (references pass its checks untouched); the runtime creates the function at exactly this address. Live once
 * the construct code is loaded (product-references.ts).
 */
export function invokeArnReference(fn: FunctionName): string {
  return writeReference(`aws_lambda_function.${functionAddress(fn)}.invoke_arn`);
}
