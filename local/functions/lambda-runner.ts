// Invokes local functions as Lambda does: each execution environment is a child process with the function's
// own environment (so module-level configuration is read as in Lambda), one invocation at a time per
// environment, new environments started on demand up to the function's reserved concurrency (or a local
// cap), an environment killed when an invocation outruns the function's timeout, and an init failure
// reported as the invocation's error (Lambda's Runtime.InitError), retried on the next invocation.
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { packageFile } from "../package-files.js";
import type { LocalFunction } from "./local-functions.js";

const RUNTIME = packageFile("local/functions/lambda-runtime.cjs");

export interface InvokeResult {
  readonly ok: boolean;
  /** The handler's return value (ok), or `{ errorType, errorMessage }`. */
  readonly payload: any;
  /** This invocation started a new execution environment. */
  readonly coldStart: boolean;
  readonly initMs: number | undefined;
}

export interface RunnerOptions {
  /** Variables the local run adds on top of the runtime's and the stack's (endpoints, JWKS). */
  readonly overrides: (fn: LocalFunction) => Readonly<Record<string, string>>;
  readonly region: string;
  /** Receives each line a function writes (its logs). */
  readonly onLog?: (fn: LocalFunction, line: string) => void;
  /** Upper bound of environments per function when it sets no reserved concurrency. */
  readonly maxEnvironments?: number;
}

interface Environment {
  readonly child: ChildProcess;
  readonly ready: Promise<{ initMs: number } | { error: { errorType: string; errorMessage: string } }>;
  busy: boolean;
  used: boolean;
}

export class LambdaRunner {
  private readonly pools = new Map<string, Environment[]>();
  private readonly waiting = new Map<string, (() => void)[]>();
  private closed = false;

  constructor(private readonly options: RunnerOptions) {}

  /** The variables a function's process gets: Lambda's runtime variables, the stack's, the local overrides. */
  environmentOf(fn: LocalFunction): Record<string, string> {
    return {
      AWS_REGION: this.options.region,
      AWS_DEFAULT_REGION: this.options.region,
      AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
      AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
      AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
      LAMBDA_TASK_ROOT: fn.codeDir,
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_SESSION_TOKEN: "local",
      TZ: "UTC",
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      ...fn.environment,
      ...this.options.overrides(fn),
    };
  }

  async invoke(fn: LocalFunction, event: unknown): Promise<InvokeResult> {
    const env = await this.acquire(fn);
    const coldStart = !env.used;
    env.used = true;
    try {
      const ready = await env.ready;
      if ("error" in ready) {
        this.discard(fn, env);
        return { ok: false, payload: ready.error, coldStart, initMs: undefined };
      }
      const outcome = await this.run(fn, env, event);
      return { ...outcome, coldStart, initMs: coldStart ? ready.initMs : undefined };
    } finally {
      env.busy = false;
      this.waiting.get(fn.address)?.shift()?.();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const exits: Promise<unknown>[] = [];
    for (const pool of this.pools.values()) {
      for (const env of pool) {
        if (env.child.exitCode === null && env.child.signalCode === null) {
          exits.push(new Promise((resolve) => env.child.once("exit", resolve)));
          env.child.kill("SIGKILL");
        }
      }
    }
    this.pools.clear();
    await Promise.all(exits);
  }

  private async acquire(fn: LocalFunction): Promise<Environment> {
    for (;;) {
      if (this.closed) throw new Error("the gateway is closing");
      const pool = this.pools.get(fn.address) ?? [];
      this.pools.set(fn.address, pool);
      const idle = pool.find((env) => !env.busy);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      const cap = fn.reservedConcurrency ?? this.options.maxEnvironments ?? 4;
      if (pool.length < Math.max(1, cap)) {
        const env = this.start(fn);
        env.busy = true;
        pool.push(env);
        return env;
      }
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(fn.address) ?? [];
        queue.push(resolve);
        this.waiting.set(fn.address, queue);
      });
    }
  }

  private start(fn: LocalFunction): Environment {
    const runtime = JSON.stringify({
      codeDir: fn.codeDir,
      handler: fn.handler,
      functionName: fn.functionName,
      functionArn: fn.arn,
      memoryMb: fn.memoryMb,
      logGroup: `/aws/lambda/${fn.functionName}`,
    });
    const child = fork(RUNTIME, [], {
      cwd: fn.codeDir,
      env: { ...this.environmentOf(fn), LOCAL_LAMBDA_RUNTIME: runtime },
      execArgv: [`--max-old-space-size=${Math.max(64, fn.memoryMb)}`],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "advanced",
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      let buffered = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        buffered += chunk;
        let newline: number;
        while ((newline = buffered.indexOf("\n")) !== -1) {
          this.options.onLog?.(fn, buffered.slice(0, newline));
          buffered = buffered.slice(newline + 1);
        }
      });
    }
    const ready = new Promise<{ initMs: number } | { error: { errorType: string; errorMessage: string } }>((resolve) => {
      const onMessage = (message: any) => {
        if (message?.type === "ready") resolve({ initMs: message.initMs });
        else if (message?.type === "init-error") resolve({ error: message.error });
        else return;
        child.off("message", onMessage);
      };
      child.on("message", onMessage);
      child.once("exit", (code, signal) => resolve({ error: { errorType: "Runtime.ExitError", errorMessage: `the runtime exited (${signal ?? code}) during init` } }));
    });
    return { child, ready, busy: false, used: false };
  }

  private run(fn: LocalFunction, env: Environment, event: unknown): Promise<{ ok: boolean; payload: any }> {
    const id = randomUUID();
    const timeoutMs = fn.timeoutSeconds * 1000;
    return new Promise((resolve) => {
      const finish = (outcome: { ok: boolean; payload: any }) => {
        clearTimeout(timer);
        env.child.off("message", onMessage);
        env.child.off("exit", onExit);
        resolve(outcome);
      };
      const onMessage = (message: any) => {
        if (message?.id !== id) return;
        finish(message.type === "result" ? { ok: true, payload: message.result } : { ok: false, payload: message.error });
      };
      const onExit = (code: number | null, signal: string | null) => {
        this.discard(fn, env);
        finish({ ok: false, payload: { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${id} Error: Runtime exited (${signal ?? code})` } });
      };
      // Lambda ends an invocation that outruns the function's timeout and recycles the environment.
      const timer = setTimeout(() => {
        this.discard(fn, env);
        env.child.kill("SIGKILL");
        finish({ ok: false, payload: { errorType: "Sandbox.Timedout", errorMessage: `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds` } });
      }, timeoutMs);
      env.child.on("message", onMessage);
      env.child.once("exit", onExit);
      env.child.send({ id, requestId: id, event, deadlineMs: Date.now() + timeoutMs });
    });
  }

  private discard(fn: LocalFunction, env: Environment): void {
    const pool = this.pools.get(fn.address);
    if (pool) this.pools.set(fn.address, pool.filter((candidate) => candidate !== env));
    if (env.child.exitCode === null && env.child.signalCode === null) env.child.kill("SIGKILL");
  }
}
