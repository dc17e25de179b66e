/** Words a query may hold; more are ignored. */
const MAX_TERMS = 10;

/**
 * The words of a query, lower-cased: runs of letters and digits, so nothing of
 * either full-text syntax (quotes, operators, parentheses) gets through. Each
 * word matches as a prefix, and all must match.
 */
export function searchTerms(q: string | undefined): string[] {
  return (q?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS).map((t) => t.slice(0, 64));
}

/** PostgreSQL's `to_tsquery` form: `shirt:* & blue:*`. */
export function tsQuery(terms: string[]): string {
  return terms.map((t) => `${t}:*`).join(" & ");
}

/** SQLite FTS5's `MATCH` form: `"shirt"* AND "blue"*`. */
export function fts5Query(terms: string[]): string {
  return terms.map((t) => `"${t}"*`).join(" AND ");
}
