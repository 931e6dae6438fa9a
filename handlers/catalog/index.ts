// Lambda entry: GET /catalog, GET /catalog/{productId}. See handlers/lib/app/config.ts for its environment.
import { createCatalogHandler } from "../lib/catalog/catalog-handler.js";

export const handler = createCatalogHandler(process.env);
