import fs from "node:fs";
import path from "node:path";
import { CliError } from "../cli-error";

/** Entries a directory may already hold and still count as empty. */
const HARMLESS = new Set([".DS_Store", "Thumbs.db", ".git"]);

/**
 * The directory a store is created in: it must not exist, or be empty. `claim`
 * creates it; `release` puts everything back as it was (used on failure).
 */
export class TargetDir {
  private createdRoot?: string;
  private before = new Set<string>();
  private claimed = false;

  constructor(readonly dir: string) {}

  /** Throws a one-line error when the directory cannot be used. Touches nothing. */
  check(): void {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.dir);
    } catch {
      return; // does not exist: fine
    }
    if (!stat.isDirectory()) throw new CliError("CREATE_STORE_DIR_EXISTS", `${this.dir} already exists and is not a directory`);
    const entries = fs.readdirSync(this.dir).filter((e) => !HARMLESS.has(e));
    if (entries.length) {
      const shown = entries.slice(0, 3).join(", ") + (entries.length > 3 ? ", …" : "");
      throw new CliError("CREATE_STORE_DIR_NOT_EMPTY", `${this.dir} is not empty (${shown}): choose a new directory`);
    }
  }

  /** Creates the directory (and missing parents), remembering what was there before. */
  claim(): void {
    this.check();
    let top: string | undefined;
    for (let d = this.dir; !fs.existsSync(d); d = path.dirname(d)) top = d;
    this.createdRoot = top;
    this.before = new Set(fs.existsSync(this.dir) ? fs.readdirSync(this.dir) : []);
    fs.mkdirSync(this.dir, { recursive: true });
    this.claimed = true;
  }

  /** Removes what this run made: the directories it created, or the entries it added to an empty one. */
  release(): void {
    if (!this.claimed) return;
    if (this.createdRoot) {
      fs.rmSync(this.createdRoot, { recursive: true, force: true });
    } else if (fs.existsSync(this.dir)) {
      for (const entry of fs.readdirSync(this.dir)) {
        if (!this.before.has(entry)) fs.rmSync(path.join(this.dir, entry), { recursive: true, force: true });
      }
    }
    this.claimed = false;
  }
}
