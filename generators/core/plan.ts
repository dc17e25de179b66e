import type { SourceFile } from "ts-morph";

/** A file a generator creates, with its whole content. Paths are relative to the project, with `/`. */
export interface PlannedFile {
  path: string;
  contents: string;
}

/**
 * A change to a file that already exists, made through ts-morph on the node it
 * means (a class, the config's `plugins` array), never by line or regex.
 * `apply` is idempotent: on a file that already has the change it does nothing.
 * `revert` undoes it, and throws `EditConflict` when the user has changed what
 * the edit wrote.
 */
export interface PlannedEdit {
  path: string;
  /** What the edit does, for the log and for errors: `add the posts relation to Author`. */
  summary: string;
  apply(file: SourceFile): void;
  revert(file: SourceFile): void;
}

/**
 * What a generator would do, computed without writing anything: files to
 * create, edits to make, and notes to print. The engine applies it, prints it
 * (`--dry-run`) or undoes it (`kiosk destroy`).
 */
export interface Plan {
  files: PlannedFile[];
  edits: PlannedEdit[];
  notes?: string[];
  /** A folder the plan owns whole (a plugin's): destroy says so when it still holds other files. */
  root?: string;
}

/** Where and how a generator runs. */
export interface GeneratorContext {
  projectDir: string;
  /** `destroy` plans what a past `generate` wrote, to compare and remove it. */
  mode: "generate" | "destroy";
}

/** One generator: checks its arguments and plans its files. Loaded only when its command runs. */
export interface Generator<Input = unknown> {
  /** Validates and normalises the command-line arguments and options; throws `GeneratorInputError`. */
  parse(args: string[], options: Record<string, unknown>, context: GeneratorContext): Input;
  plan(input: Input, context: GeneratorContext): Plan | Promise<Plan>;
}

/** An empty plan to add to. */
export function emptyPlan(): Plan {
  return { files: [], edits: [], notes: [] };
}

/** Several plans as one, in order. */
export function mergePlans(...plans: Plan[]): Plan {
  return {
    files: plans.flatMap((p) => p.files),
    edits: plans.flatMap((p) => p.edits),
    notes: plans.flatMap((p) => p.notes ?? []),
  };
}
