import { ulid } from "ulid";

/** A prefixed ULID (`prod_01J…`): sortable by creation time, readable in logs. */
export function generateId(prefix: string): string {
  return `${prefix}_${ulid()}`;
}
