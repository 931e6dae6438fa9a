// Captures what the bundles' pino loggers write. pino writes synchronously to fd 1 through
// fs.writeSync (sonic-boom); the bundles `require("fs")`, the same module object as here, so a spy on
// fs.writeSync sees every line. JSON lines of our loggers (they carry `service`) are kept and swallowed;
// anything else passes through.
import { createRequire } from "node:module";
import { vi, type MockInstance } from "vitest";

export type LogLine = Record<string, unknown>;

const fs = createRequire(import.meta.url)("node:fs") as typeof import("node:fs");

export class LogCapture {
  readonly lines: LogLine[] = [];
  private spy: MockInstance | undefined;

  start(): this {
    this.clear();
    const original = fs.writeSync.bind(fs) as (...args: unknown[]) => number;
    this.spy = vi.spyOn(fs, "writeSync").mockImplementation(((fd: number, buffer: unknown, ...rest: unknown[]) => {
      if (fd === 1) {
        const text = typeof buffer === "string" ? buffer : Buffer.from(buffer as Uint8Array).toString("utf8");
        const parsed = text
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => {
            try {
              return JSON.parse(line) as LogLine;
            } catch {
              return undefined;
            }
          });
        if (parsed.length > 0 && parsed.every((line) => line !== undefined && typeof line.service === "string")) {
          this.lines.push(...(parsed as LogLine[]));
          return Buffer.byteLength(text);
        }
      }
      return original(fd, buffer, ...rest);
    }) as never);
    return this;
  }

  stop(): void {
    this.spy?.mockRestore();
    this.spy = undefined;
  }

  clear(): void {
    this.lines.length = 0;
  }

  where(predicate: (line: LogLine) => boolean): LogLine[] {
    return this.lines.filter(predicate);
  }

  /** The raw text of everything captured, to search for things that must never be logged. */
  text(): string {
    return this.lines.map((line) => JSON.stringify(line)).join("\n");
  }
}
