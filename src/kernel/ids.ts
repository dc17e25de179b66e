import { randomFillSync } from "node:crypto";
import { ulid } from "ulid";

/**
 * Random bytes for ids, drawn from the OS generator a pool at a time: left to
 * itself, `ulid()` looks its generator up again and asks it for one byte per
 * character, 16 calls for every id.
 */
const pool = Buffer.alloc(4096);
let next = pool.length;

function randomByteFraction(): number {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++] / 256;
}

/** A prefixed ULID (`prod_01J…`): sortable by creation time, readable in logs. */
export function generateId(prefix: string): string {
  return `${prefix}_${ulid(undefined, randomByteFraction)}`;
}
