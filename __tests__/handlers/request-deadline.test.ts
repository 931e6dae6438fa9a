// The request's deadline follows its work: module state while the process runs one request at a time (as
// Lambda does), AsyncLocalStorage once two run at once. Whatever the interleaving, every piece of work sees
// its own request's deadline (or the nested one it runs under) and nothing outside a request sees one.
// Each test loads a fresh copy of the module: the mode is per process (per container).
import { beforeEach, describe, expect, test, vi } from "vitest";
import type { Deadline } from "../../handlers/lib/request-deadline.js";

type DeadlineModule = typeof import("../../handlers/lib/request-deadline.js");
let m: DeadlineModule;

beforeEach(async () => {
  vi.resetModules();
  m = await import("../../handlers/lib/request-deadline.js");
});

/** A promise that settles when `open()` is called: steps requests through an exact interleaving. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/** A few hops through the event loop: timers, I/O-less macrotasks and microtasks. */
async function hops(): Promise<void> {
  await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setImmediate(resolve));
}

describe("one request at a time", () => {
  test("the request's deadline is current through its awaits, and none outside it", async () => {
    const deadline = m.Deadline.after(5_000);
    expect(m.currentDeadline()).toBeUndefined();
    const seen = await m.withDeadline(deadline, async () => {
      const before = m.currentDeadline();
      await hops();
      return [before, m.currentDeadline()];
    });
    expect(seen).toEqual([deadline, deadline]);
    expect(m.currentDeadline()).toBeUndefined();
  });

  test("a nested deadline is current inside its part only", async () => {
    const request = m.Deadline.after(5_000);
    const nested = request.within(100);
    const seen = await m.withDeadline(request, async () => {
      const inner = await m.withNestedDeadline(nested, async () => {
        await hops();
        return m.currentDeadline();
      });
      await hops();
      return [inner, m.currentDeadline()];
    });
    expect(seen[0]).toBe(nested);
    expect(seen[1]).toBe(request);
  });

  test("a request that throws leaves no deadline behind", async () => {
    await expect(m.withDeadline(m.Deadline.after(5_000), async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(m.currentDeadline()).toBeUndefined();
    const next = m.Deadline.after(5_000);
    expect(await m.withDeadline(next, async () => m.currentDeadline())).toBe(next);
  });

  test("a nested deadline outside any request bounds its part alone", async () => {
    const alone = m.Deadline.after(100);
    expect(await m.withNestedDeadline(alone, async () => (await hops(), m.currentDeadline()))).toBe(alone);
    expect(m.currentDeadline()).toBeUndefined();
  });
});

describe("requests at once", () => {
  test("a request started while another is in flight: each sees its own, nested parts included", async () => {
    const a = m.Deadline.after(5_000);
    const b = m.Deadline.after(6_000);
    const aNested = a.within(50);
    const bNested = b.within(60);
    const bStarted = gate();
    const aDone = gate();
    const first = m.withDeadline(a, async () => {
      const early = m.currentDeadline();
      await bStarted.wait; // the second request is running now
      await hops();
      const late = m.currentDeadline();
      const nested = await m.withNestedDeadline(aNested, async () => (await hops(), m.currentDeadline()));
      const after = m.currentDeadline();
      aDone.open();
      return [early, late, nested, after];
    });
    const second = m.withDeadline(b, async () => {
      bStarted.open();
      const early = m.currentDeadline();
      const nested = await m.withNestedDeadline(bNested, async () => {
        await aDone.wait; // the first request finished meanwhile
        return m.currentDeadline();
      });
      await hops();
      return [early, nested, m.currentDeadline()];
    });
    expect(await first).toEqual([a, a, aNested, a]);
    const [bEarly, bInner, bAfter] = await second;
    expect(bEarly).toBe(b);
    expect(bInner).toBe(bNested);
    expect(bAfter).toBe(b);
    expect(m.currentDeadline()).toBeUndefined();
    // Later requests, alone or not, still see their own.
    const c = m.Deadline.after(7_000);
    expect(await m.withDeadline(c, async () => (await hops(), m.currentDeadline()))).toBe(c);
  });

  test("many interleaved requests, each nesting a part: every step sees its own request's deadline", async () => {
    const requests = Array.from({ length: 12 }, (_, i) => ({ deadline: m.Deadline.after(5_000 + i), nested: m.Deadline.after(100 + i) }));
    const results = await Promise.all(
      requests.map(({ deadline, nested }, i) =>
        m.withDeadline(deadline, async () => {
          const seen: Array<Deadline | undefined> = [];
          for (let step = 0; step < 3 + (i % 4); step++) {
            await hops();
            seen.push(m.currentDeadline());
            if (step === i % 3) seen.push(await m.withNestedDeadline(nested, async () => (await hops(), m.currentDeadline())));
          }
          return seen;
        }),
      ),
    );
    results.forEach((seen, i) => {
      const { deadline, nested } = requests[i]!;
      expect(seen.filter((d) => d === nested)).toHaveLength(1);
      expect(seen.filter((d) => d !== nested).every((d) => d === deadline)).toBe(true);
    });
    expect(m.currentDeadline()).toBeUndefined();
  });
});

describe("callSignal", () => {
  test("ends at the current deadline when it is nearer than the cap, and at the cap outside a request", async () => {
    const expired = m.Deadline.after(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const signal = await m.withDeadline(expired, async () => m.callSignal(60_000));
    expect(signal.aborted).toBe(true);
    expect(m.callSignal(60_000).aborted).toBe(false);
  });
});
