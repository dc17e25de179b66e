import { migrationName } from "../../src/cli/commands/migrate/migration-name";
import { MIGRATIONS_DIR } from "../core/migration-files";
import type { Generator } from "../core/plan";
import { render } from "../core/templates";
import { migrationTimestamp } from "./create-table";
import { migrationFromDiff } from "./from-diff";

interface MigrationInput {
  /** The kebab-case name: `add-subtitle`. */
  stem: string;
  fromDiff: boolean;
}

/** A migration: an empty one to fill in, or the entities' diff against the database. */
const migrationGenerator: Generator<MigrationInput> = {
  parse([name], options) {
    // The same naming rules as `kiosk migrate generate`.
    const { fileName } = migrationName(name ?? "", 0);
    return { stem: fileName.replace(/^0-/, "").replace(/\.ts$/, ""), fromDiff: options.fromDiff === true };
  },
  plan({ stem, fromDiff }, context) {
    if (fromDiff) return migrationFromDiff(stem, context);
    const timestamp = migrationTimestamp(context, stem);
    if (timestamp === undefined) return { files: [], edits: [] };
    const { fileName, className } = migrationName(stem, timestamp);
    return { files: [{ path: `${MIGRATIONS_DIR}/${fileName}`, contents: render("migration", "empty.ts", { className }) }], edits: [] };
  },
};

export default migrationGenerator;
