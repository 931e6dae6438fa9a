// A suite whose built handlers reach DynamoDB (dynalite) through the fault proxy: the world is started once,
// `seed` fills its tables before any fault is injected, and around each test the proxy's rules and the
// captured log lines start afresh.
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { startAppWorld, type AppWorld } from "./app-harness.js";
import { ensureHandlersBuilt } from "./build.js";
import { FaultProxy } from "./fault-proxy.js";
import type { LogCapture } from "./logs.js";

export interface FaultWorld {
  /** The app world (its `load` still points at dynalite itself: pass `DYNAMODB_ENDPOINT: proxy.endpoint`). */
  readonly world: AppWorld;
  readonly proxy: FaultProxy;
}

export function faultWorld(logs: LogCapture, seed: (world: AppWorld) => Promise<void>): FaultWorld {
  let world: AppWorld | undefined;
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    await ensureHandlersBuilt();
    world = await startAppWorld();
    await seed(world);
    proxy = await FaultProxy.start(world.dynamo.endpoint);
  });
  afterAll(async () => {
    await proxy?.close();
    await world?.dynamo.close();
  });
  beforeEach(() => {
    proxy!.reset();
    logs.start();
  });
  afterEach(() => logs.stop());
  return {
    get world() {
      return world!;
    },
    get proxy() {
      return proxy!;
    },
  };
}
