// Per-run folders left by a killed run are removed by the next one; nothing else is.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { removeStaleRunFolders } from "../../local/state-folders.js";

describe("the local gateway's state folder", () => {
  test("removes run folders of processes that are gone, keeps live runs' folders and anything else", () => {
    const state = mkdtempSync(join(tmpdir(), "local-state-"));
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    const folders = {
      staleFunctions: join(state, "functions", `acme-dev-${gone}-1764550000000`),
      staleSynth: join(state, "synth", `${gone}-1764550000000`),
      live: join(state, "functions", `acme-dev-${process.ppid}-1764550000000`),
      ours: join(state, "functions", "notes"),
      issuer: join(state, "issuer"),
    };
    for (const dir of Object.values(folders)) mkdirSync(dir, { recursive: true });
    removeStaleRunFolders(state);
    expect(Object.fromEntries(Object.entries(folders).map(([name, dir]) => [name, existsSync(dir)]))).toEqual({ staleFunctions: false, staleSynth: false, live: true, ours: true, issuer: true });
  });
});
