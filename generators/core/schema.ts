import type { Generator } from "./plan";

/** A positional argument of a generator. */
export interface ArgumentSpec {
  /** As commander writes it: `<name>`, `[fields...]`. */
  syntax: string;
  description: string;
}

/** An option of a generator (`--dry-run`, `--force` and `--cwd` are added to every one). */
export interface OptionSpec {
  /** As commander writes it: `--methods <list>`. */
  flags: string;
  description: string;
  /** May be given several times; the values are collected in order. */
  repeatable?: boolean;
  defaultValue?: string | boolean;
}

/**
 * A generator's command line, declared once: it drives `kiosk generate <name>`,
 * `kiosk destroy <name>` and their `--help`. It holds no code beyond `load`, so
 * registering every generator's command costs nothing at start-up.
 */
export interface GeneratorSchema {
  name: string;
  description: string;
  arguments: ArgumentSpec[];
  options: OptionSpec[];
  /** Shown under `--help`, without the `kiosk generate ` prefix: `entity Post title:string`. */
  examples: string[];
  load(): Generator<any>;
}
