/**
 * `%text%` for `LIKE :q ESCAPE '\'`: the `%`, `_` and `\` a user typed match
 * themselves, on SQLite (which has no default escape character) and PostgreSQL.
 * The caller sets the case to match the column it compares (`LOWER(column)`).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
