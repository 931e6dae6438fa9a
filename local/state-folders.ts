// Per-run folders under the state folder (`synth/<pid>-<time>`, `functions/<stack>-<pid>-<time>`): made by
// a run, removed when it closes, and, when a run was killed before it could, removed by a later run once the
// process that made them is gone. Only folders named this way are touched.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const RUN_FOLDER = /(?:^|-)(\d+)-(\d{13})$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function removeStaleRunFolders(stateDir: string): void {
  for (const kind of ["synth", "functions"]) {
    const dir = join(stateDir, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const pid = Number(RUN_FOLDER.exec(name)?.[1]);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}
