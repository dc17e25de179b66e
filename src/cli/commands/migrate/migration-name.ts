import { CliError } from "../../cli-error";

/** The names of a new migration: `<timestamp>-add-tag.ts` holding `class AddTag<timestamp>`. */
export interface MigrationName {
  fileName: string;
  className: string;
}

/**
 * Names a migration from a word the user gave (`add-tag`, `addTag`, `AddTag`),
 * stamped with `timestamp` (13 digits, milliseconds).
 */
export function migrationName(name: string, timestamp: number): MigrationName {
  if (!/^[a-z][a-z0-9-]*$/i.test(name)) {
    throw new CliError(
      "KIOSK_BAD_ARGUMENT",
      `a migration name is a word such as add-tag (letters, digits and dashes, starting with a letter), got "${name}"`,
    );
  }
  const kebab = name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase()
    .replace(/-+/g, "-")
    .replace(/-$/, "");
  const pascal = kebab
    .split("-")
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join("");
  return { fileName: `${timestamp}-${kebab}.ts`, className: `${pascal}${timestamp}` };
}
