import { generateId } from "kiosk";

/**
 * `n` new ids in ascending order. ULIDs made in the same millisecond are not
 * ordered, and options, variants and images are listed by id within a product:
 * sorting a batch keeps them in the order they were given.
 */
export function orderedIds(prefix: string, n: number): string[] {
  return Array.from({ length: n }, () => generateId(prefix)).sort();
}
