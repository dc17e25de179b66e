import pc from "picocolors";

/** What happened (or, in a dry run, would happen) to one file. */
export type Action = "create" | "update" | "identical" | "skip" | "conflict" | "remove";

/** One line of the action log; `diff` is shown in a dry run. */
export interface LogEntry {
  action: Action;
  path: string;
  detail?: string;
  diff?: string;
}

const COLORS: Record<Action, (s: string) => string> = {
  create: pc.green,
  update: pc.yellow,
  identical: pc.blue,
  skip: pc.dim,
  conflict: pc.red,
  remove: pc.red,
};

/** `create    src/models/post.ts`: the action padded to one column, then the project-relative path. */
export function formatEntry(entry: LogEntry): string {
  const detail = entry.detail ? pc.dim(`  (${entry.detail})`) : "";
  return `${COLORS[entry.action](entry.action.padEnd(9))} ${entry.path}${detail}`;
}

/** Colours a unified diff: additions green, removals red, hunk headers cyan. */
export function formatDiff(diff: string): string {
  return diff
    .split("\n")
    .map((line) =>
      /^(\+\+\+|---)/.test(line)
        ? pc.bold(line)
        : line.startsWith("+")
          ? pc.green(line)
          : line.startsWith("-")
            ? pc.red(line)
            : line.startsWith("@@")
              ? pc.cyan(line)
              : line,
    )
    .join("\n");
}

/** Prints the log, each entry's diff below it when `withDiffs`, then the notes. */
export function printLog(entries: LogEntry[], notes: string[], withDiffs: boolean, out: (line: string) => void): void {
  for (const entry of entries) {
    out(formatEntry(entry));
    if (withDiffs && entry.diff) out(formatDiff(entry.diff));
  }
  for (const note of notes) out(`${pc.dim("note".padEnd(9))} ${note}`);
}
