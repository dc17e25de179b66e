import type { GeneratorSchema } from "../core/schema";

/** `kiosk generate migration <name> [--from-diff]`. */
export const migrationSchema: GeneratorSchema = {
  name: "migration",
  description: "A migration in src/migrations: empty, or what the entities have and the database lacks (--from-diff)",
  arguments: [{ syntax: "<name>", description: "what it does, as a word: add-subtitle" }],
  options: [
    {
      flags: "--from-diff",
      description: "diff the entities against the database, as `kiosk migrate generate` does (DATABASE_URL or the SQLite file)",
    },
  ],
  examples: ["migration add-subtitle", "migration add-subtitle --from-diff"],
  load: () => require("./generator").default,
};
