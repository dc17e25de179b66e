import fs from "node:fs";
import path from "node:path";
import type { SourceFile } from "ts-morph";
import { printLog, type LogEntry } from "./action-log";
import { EditConflict, EditError, GeneratorError } from "./errors";
import { unifiedDiff } from "./line-diff";
import type { Plan, PlannedEdit } from "./plan";
import { editProject } from "./ts-project";

/** How a plan is carried out. */
export interface ApplyOptions {
  /** Print what would happen, with diffs; write nothing. */
  dryRun: boolean;
  /** Overwrite files that exist and differ (generate only). */
  force: boolean;
  out: (line: string) => void;
}

/** A file edit, computed in memory: the text before and after. */
interface EditedFile {
  path: string;
  absolute: string;
  before: string;
  after: string;
  conflict?: string;
}

const read = (file: string) => (fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, "utf8") : null);

/**
 * Runs the edits of a plan on one ts-morph project (loaded only when there are
 * edits), one file at a time, in memory. `undo` reverts instead of applying;
 * a reverted edit that would lose a user's change marks its file a conflict.
 */
function runEdits(projectDir: string, edits: PlannedEdit[], undo: boolean): EditedFile[] {
  if (!edits.length) return [];
  const byPath = new Map<string, PlannedEdit[]>();
  for (const edit of edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
  const project = editProject();
  const results: EditedFile[] = [];
  for (const [relative, fileEdits] of byPath) {
    const absolute = path.join(projectDir, relative);
    if (!fs.existsSync(absolute)) {
      if (undo) continue;
      throw new EditError(relative, `not found; ${fileEdits.map((e) => e.summary).join(", ")} by hand`);
    }
    const file: SourceFile = project.open(absolute);
    const before = file.getFullText();
    let conflict: string | undefined;
    for (const edit of fileEdits) {
      try {
        if (undo) edit.revert(file);
        else edit.apply(file);
      } catch (err) {
        if (!(err instanceof EditConflict)) throw err;
        conflict = err.reason;
      }
    }
    results.push({ path: relative, absolute, before, after: file.getFullText(), conflict });
  }
  return results;
}

/**
 * Writes a whole file or none of it: a temp file beside it, then a rename over
 * it (over a symlink's target, keeping an existing file's mode).
 */
function writeFile(file: string, contents: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const exists = fs.existsSync(file);
  const target = exists ? fs.realpathSync(file) : file;
  const mode = exists ? fs.statSync(target).mode : undefined;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, contents, { flag: "wx", mode });
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * `kiosk generate`: works out what each planned file and edit would change,
 * prints the action log (and diffs in a dry run), and writes only when no file
 * is in conflict. An existing file that differs is a conflict unless `force`.
 */
export function applyPlan(projectDir: string, plan: Plan, options: ApplyOptions): LogEntry[] {
  const entries: LogEntry[] = [];
  const writes: (() => void)[] = [];
  for (const file of plan.files) {
    const absolute = path.join(projectDir, file.path);
    const existing = read(absolute);
    if (existing === file.contents) {
      entries.push({ action: "identical", path: file.path });
    } else if (existing === null && fs.existsSync(absolute)) {
      entries.push({ action: "conflict", path: file.path, detail: "a folder has that name" });
    } else if (existing !== null && !options.force) {
      entries.push({
        action: "conflict",
        path: file.path,
        detail: "exists and differs; --force overwrites it",
        diff: unifiedDiff(file.path, existing, file.contents),
      });
    } else {
      entries.push({
        action: existing === null ? "create" : "update",
        path: file.path,
        diff: unifiedDiff(file.path, existing, file.contents),
      });
      writes.push(() => writeFile(absolute, file.contents));
    }
  }
  for (const edit of runEdits(projectDir, plan.edits, false)) {
    if (edit.before === edit.after) {
      entries.push({ action: "identical", path: edit.path });
    } else {
      entries.push({ action: "update", path: edit.path, diff: unifiedDiff(edit.path, edit.before, edit.after) });
      writes.push(() => writeFile(edit.absolute, edit.after));
    }
  }
  printLog(entries, plan.notes ?? [], options.dryRun, options.out);
  const conflicts = entries.filter((e) => e.action === "conflict");
  if (conflicts.length) {
    const more = conflicts.length > 1 ? ` (and ${plural(conflicts.length - 1, "more file")})` : "";
    const why = conflicts[0].detail!.startsWith("exists")
      ? "exists and differs: nothing written (--force overwrites it)"
      : `is a folder: nothing written`;
    throw new GeneratorError("KIOSK_GENERATE_CONFLICT", `${conflicts[0].path}${more} ${why}`);
  }
  if (options.dryRun) {
    options.out("dry run: nothing written");
    return entries;
  }
  for (const write of writes) write();
  return entries;
}

/** Removes `dir` and its parents while they are empty, stopping at the project and at `src/`. */
function pruneEmptyDirs(projectDir: string, dir: string): void {
  const stop = new Set([path.resolve(projectDir), path.resolve(projectDir, "src")]);
  for (let d = path.resolve(dir); !stop.has(d) && d.startsWith(path.resolve(projectDir)); d = path.dirname(d)) {
    if (!fs.existsSync(d) || fs.readdirSync(d).length) return;
    fs.rmdirSync(d);
  }
}

/**
 * `kiosk destroy`: removes each planned file that is exactly what the plan
 * renders and reverses each edit. Everything is checked before anything is
 * removed: one file changed since it was generated refuses the whole destroy.
 */
export function destroyPlan(projectDir: string, plan: Plan, options: Omit<ApplyOptions, "force">): LogEntry[] {
  const entries: LogEntry[] = [];
  const removals: string[] = [];
  const writes: (() => void)[] = [];
  for (const file of plan.files) {
    const absolute = path.join(projectDir, file.path);
    const existing = read(absolute);
    if (existing === null) {
      entries.push({ action: "skip", path: file.path, detail: "not found" });
    } else if (existing !== file.contents) {
      entries.push({ action: "conflict", path: file.path, detail: "changed since it was generated" });
    } else {
      entries.push({ action: "remove", path: file.path });
      removals.push(absolute);
    }
  }
  for (const edit of runEdits(projectDir, plan.edits, true)) {
    if (edit.conflict) {
      entries.push({ action: "conflict", path: edit.path, detail: edit.conflict });
    } else if (edit.before === edit.after) {
      entries.push({ action: "skip", path: edit.path, detail: "nothing to undo" });
    } else {
      entries.push({ action: "update", path: edit.path, diff: unifiedDiff(edit.path, edit.before, edit.after) });
      writes.push(() => writeFile(edit.absolute, edit.after));
    }
  }
  printLog(entries, plan.notes ?? [], options.dryRun, options.out);
  if (!removals.length && !writes.length && !entries.some((e) => e.action === "conflict")) {
    const missing = entries.find((e) => e.action === "skip");
    throw new GeneratorError(
      "KIOSK_DESTROY_NOTHING",
      `nothing to destroy: ${missing ? `${missing.path} is not there` : "the generator writes nothing for these arguments"}; was it generated, with these arguments?`,
    );
  }
  const conflicts = entries.filter((e) => e.action === "conflict");
  if (conflicts.length) {
    const more = conflicts.length > 1 ? ` (and ${plural(conflicts.length - 1, "more file")})` : "";
    throw new GeneratorError(
      "KIOSK_DESTROY_CONFLICT",
      `${conflicts[0].path}${more}: ${conflicts[0].detail}; nothing removed`,
    );
  }
  if (options.dryRun) {
    options.out("dry run: nothing removed");
    return entries;
  }
  for (const file of removals) fs.rmSync(file);
  for (const write of writes) write();
  for (const file of removals) pruneEmptyDirs(projectDir, path.dirname(file));
  const root = plan.root && path.join(projectDir, plan.root);
  if (root && fs.existsSync(root)) {
    const left = fs.readdirSync(root);
    if (left.length) options.out(`note      ${plan.root} still holds files it did not write (${left.join(", ")}): remove it by hand`);
    else fs.rmdirSync(root);
  }
  return entries;
}
