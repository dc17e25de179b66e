import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..");

/** Copies `test/fixtures/<name>` to a temp dir and links this repo as its `kiosk` dependency. */
export function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kiosk-${name}-`));
  fs.cpSync(path.join(repoRoot, "test", "fixtures", name), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.symlinkSync(repoRoot, path.join(dir, "node_modules", "kiosk"), "dir");
  return dir;
}

/** Removes a temp project. */
export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
