// Lambda entry: GET /health. See handlers/lib/health/health-handler.ts for its environment.
import { createHealthHandler } from "../lib/health/health-handler.js";

export const handler = createHealthHandler(process.env);
