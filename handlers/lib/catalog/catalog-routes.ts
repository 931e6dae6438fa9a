// GET /catalog and GET /catalog/{productId} (the catalog/orders API contract), for the caller's tenant only.
import { ForbiddenError, ValidationError } from "../errors.js";
import { requireId } from "../ids.js";
import { callerReach } from "../auth/caller-reach.js";
import type { Product, ProductRepository } from "../data/product-repository.js";
import type { ResourceOwners } from "../data/resource-owners.js";
import type { RouteSpec } from "../http/router.js";
import { notFoundAfterOwnerCheck } from "../security/not-found.js";
import type { RouteHandler, RouteInput } from "../app/api-handler.js";
import type { Caller } from "../tenant/caller.js";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 100;

export interface CatalogDeps {
  readonly products: ProductRepository;
  readonly owners: ResourceOwners;
}

export function catalogRoutes(deps: CatalogDeps): RouteSpec<RouteHandler>[] {
  return [
    { method: "GET", template: "/catalog", handler: (input) => listProducts(deps, input) },
    { method: "GET", template: "/catalog/{productId}", handler: (input) => getProduct(deps, input) },
  ];
}

async function listProducts(deps: CatalogDeps, { request, caller }: RouteInput) {
  requireCatalogRead(caller);
  const limit = pageSize(request.queryParameters.limit);
  const after = decodeNextToken(request.queryParameters.nextToken);
  const page = await deps.products.list(caller.tenantId, limit, after);
  const data = page.products.map(productSummary);
  return page.lastSortKey === undefined ? { data } : { data, extra: { nextToken: encodeNextToken(page.lastSortKey) } };
}

async function getProduct(deps: CatalogDeps, { request, caller, params, logger }: RouteInput) {
  requireCatalogRead(caller);
  const productId = requireId("productId", params.productId);
  const product = await deps.products.get(caller.tenantId, productId, false);
  if (product === undefined) {
    throw await notFoundAfterOwnerCheck(deps.owners, logger, {
      requestId: request.requestId,
      authenticatedTenant: caller.tenantId,
      resourceType: "PRODUCT",
      resourceId: productId,
    });
  }
  return { data: productDetail(product) };
}

function requireCatalogRead(caller: Caller): void {
  if (callerReach(caller, "catalog", "read") === "none") throw new ForbiddenError();
}

/** The list shows the catalog/orders API contract's summary fields; the detail adds the timestamps. */
export function productSummary(product: Product) {
  return {
    productId: product.productId,
    name: product.name,
    description: product.description,
    price: product.price,
    currency: product.currency,
    category: product.category,
    inStock: product.inStock,
  };
}

function productDetail(product: Product) {
  return { ...productSummary(product), createdAt: product.createdAt, updatedAt: product.updatedAt };
}

function pageSize(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE_SIZE) {
    throw new ValidationError("limit", `Validation failed: limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return Number(raw);
}

/** The token carries only a product id: the partition always comes from the caller's tenant. */
function encodeNextToken(sortKey: string): string {
  return Buffer.from(sortKey.slice("PRODUCT#".length), "utf8").toString("base64url");
}

function decodeNextToken(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const productId = /^[A-Za-z0-9_-]{1,200}$/.test(raw) ? Buffer.from(raw, "base64url").toString("utf8") : "";
  try {
    return `PRODUCT#${requireId("nextToken", productId)}`;
  } catch {
    throw new ValidationError("nextToken", "Validation failed: nextToken is not a token this API issued");
  }
}
