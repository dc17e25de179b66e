import { MIGRATIONS_DIR } from "../core/migration-files";
import { migrationName } from "../core/naming";
import type { Generator } from "../core/plan";
import { render } from "../core/templates";
import { migrationTimestamp } from "./create-table";
import { migrationFromDiff } from "./from-diff";

interface MigrationInput {
  /** The kebab-case name: `add-subtitle`. */
  stem: string;
  fromDiff: boolean;
}

/**
 * A migration: an empty one to fill in, or the entities' diff against the
 * database (`--from-diff`, which `kiosk migrate generate` runs).
 */
const migrationGenerator: Generator<MigrationInput> = {
  parse([name], options) {
    // A bad name fails here, before a --from-diff plan opens the database.
    return { stem: migrationName(name ?? "", 0).stem, fromDiff: options.fromDiff === true };
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
