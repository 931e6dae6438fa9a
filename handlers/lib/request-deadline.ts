// How long one API request may run, and the signal that ends every AWS call it makes.
//
// The budget is the function's remaining time (Lambda's context.getRemainingTimeInMillis) minus a reserve
// to answer and log, and never more than API Gateway waits. The deadline follows the request, so that
// repositories built once per container bound each call without a deadline parameter on every method; a part
// that must not use the whole budget (the rate limiter) runs under a shorter deadline nested inside the
// request's.
//
// How it follows the request: Lambda runs one invocation at a time in a process (so does the local gateway), so
// the deadline of the one request in flight is module state. AsyncLocalStorage is used only once a process runs
// two requests at once (tests that call one container concurrently; an invocation answered at its deadline
// while its abandoned work settles), and from then on for every later request: its promise hooks slow every
// promise in the process (measured: ~5 ms of a cold start), a cost the one-at-a-time case need not pay.
//
// Clocks: performance.now() and timer-based AbortSignals, never Date.now(), which tests freeze.
import { AsyncLocalStorage } from "node:async_hooks";

/** The Lambda timeout the application module sets by default, used when no Lambda context is given. */
export const DEFAULT_FUNCTION_TIMEOUT_MS = 10_000;
/** API Gateway answers 504 after 29 s (REST) / 30 s (HTTP): work after that is wasted. */
export const API_GATEWAY_LIMIT_MS = 29_000;
/** Kept back from the remaining time to build the response, log it and return: a fifth, at most 1 s. */
const MAX_RESERVE_MS = 1_000;

export class Deadline {
  private constructor(
    readonly signal: AbortSignal,
    private readonly endsAtMs: number,
  ) {}

  static after(ms: number): Deadline {
    const bounded = Math.max(0, Math.floor(ms));
    return new Deadline(AbortSignal.timeout(bounded), performance.now() + bounded);
  }

  remainingMs(): number {
    return Math.max(0, this.endsAtMs - performance.now());
  }

  get expired(): boolean {
    return this.signal.aborted;
  }

  /** `work`'s outcome, or `onExpiry()` thrown once the deadline passes first (the work's own calls abort too). */
  async race<T>(work: Promise<T>, onExpiry: () => Error): Promise<T> {
    let stop: (() => void) | undefined;
    const expiry = new Promise<never>((_, reject) => {
      const onAbort = () => reject(onExpiry());
      if (this.signal.aborted) return onAbort();
      this.signal.addEventListener("abort", onAbort, { once: true });
      stop = () => this.signal.removeEventListener("abort", onAbort);
    });
    try {
      return await Promise.race([work, expiry]);
    } finally {
      stop?.();
    }
  }

  /** A deadline at most `ms` from now and never later than this one. */
  within(ms: number): Deadline {
    if (ms >= this.remainingMs()) return this;
    const bounded = Math.max(0, Math.floor(ms));
    return new Deadline(AbortSignal.any([this.signal, AbortSignal.timeout(bounded)]), performance.now() + bounded);
  }
}

/** The request's budget (ms) given the function's remaining time, or the default timeout when unknown. */
export function requestBudgetMs(remainingMs: number | undefined): number {
  const remaining = remainingMs !== undefined && Number.isFinite(remainingMs) && remainingMs > 0 ? remainingMs : DEFAULT_FUNCTION_TIMEOUT_MS;
  const reserve = Math.min(MAX_RESERVE_MS, Math.ceil(remaining / 5));
  return Math.min(API_GATEWAY_LIMIT_MS, remaining) - reserve;
}

const scoped = new AsyncLocalStorage<Deadline>();
/** Whether this process has run two requests at once: then every request runs in AsyncLocalStorage. */
let concurrent = false;
/** The request running outside AsyncLocalStorage, if one is in flight, and its current (possibly nested) deadline. */
let solo: { deadline: Deadline } | undefined;

/** Runs one request's work under its deadline. */
export async function withDeadline<T>(deadline: Deadline, work: () => Promise<T>): Promise<T> {
  if (concurrent || solo !== undefined || scoped.getStore() !== undefined) {
    concurrent = true;
    return scoped.run(deadline, work);
  }
  const request = { deadline };
  solo = request;
  try {
    return await work();
  } finally {
    if (solo === request) solo = undefined;
  }
}

/** Runs part of the current request's work under `deadline`, nested in the request's (see Deadline.within). */
export async function withNestedDeadline<T>(deadline: Deadline, work: () => Promise<T>): Promise<T> {
  if (scoped.getStore() !== undefined || solo === undefined) return withDeadline(deadline, work);
  const request = solo;
  const outer = request.deadline;
  request.deadline = deadline;
  try {
    return await work();
  } finally {
    request.deadline = outer;
  }
}

export function currentDeadline(): Deadline | undefined {
  return scoped.getStore() ?? solo?.deadline;
}

/**
 * A signal for one AWS call: aborted after `capMs` or at the current deadline, whichever comes first.
 * Outside any request (no deadline) the cap alone bounds the call.
 */
export function callSignal(capMs: number): AbortSignal {
  const deadline = currentDeadline();
  return deadline === undefined ? AbortSignal.timeout(capMs) : deadline.within(capMs).signal;
}
