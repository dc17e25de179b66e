import type { KioskError } from "../errors";
import { INPUT_LIMITS, invalidNumber, invalidString, metadataTooLarge, printableKey, tooDeep } from "./input-limits";

declare global {
  interface String {
    /** ES2024 (Node 20): false when the string holds a lone surrogate. */
    isWellFormed(): boolean;
  }
}

/** True for text every database stores as sent: well-formed UTF-16, no NUL. */
export function isCleanString(s: string): boolean {
  return s.indexOf("\0") === -1 && s.isWellFormed();
}

/** The JSON text a `metadata` value adds up to, counted as the walk goes. */
interface Budget {
  field: string;
  chars: number;
}

/** An object or array still to visit, with what is needed to name it in an error. */
interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: string | number;
  budget: Budget | undefined;
}

/** `metadata.a.0.b`, as zod names fields; keys are escaped (`printableKey`). */
function fieldOf(frame: Frame | undefined, last?: string | number): string {
  const parts: (string | number)[] = last === undefined ? [] : [last];
  for (let f = frame; f?.parent; f = f.parent) parts.push(f.key);
  return parts
    .reverse()
    .map((p) => (typeof p === "string" ? printableKey(p) : p))
    .join(".");
}

/** The top-level field a deep document hangs from (`metadata`), rather than 32 segments of it. */
function topField(frame: Frame, key: string | number): string {
  let f: Frame = frame;
  let top = key;
  while (f.parent) {
    top = f.key;
    f = f.parent;
  }
  return typeof top === "string" ? printableKey(top) : String(top);
}

function scalarChars(value: unknown): number {
  if (typeof value === "string") return value.length + 2;
  if (typeof value === "number") return String(value).length;
  return value === false ? 5 : 4; // true, null
}

/**
 * Checks a parsed body or query in one iterative pass (a stack, no recursion, so
 * a 10,000-level document costs 32 steps and overflows nothing):
 *
 * - every string and every key is well-formed UTF-16 without NUL;
 * - every number is finite;
 * - objects and arrays nest at most `maxDepth` levels;
 * - with `metadata`, a value under a `metadata` key stays within
 *   `metadataMaxChars` of JSON and `metadataMaxKeys` keys per object.
 *
 * Returns the first problem as the error to answer with, or undefined.
 */
export function walkInput(root: unknown, where: "body" | "query", options: { metadata: boolean }): KioskError | undefined {
  if (typeof root === "string") return isCleanString(root) ? undefined : invalidString(undefined, where, false);
  if (typeof root === "number") return Number.isFinite(root) ? undefined : invalidNumber(undefined, where);
  if (root === null || typeof root !== "object") return undefined;
  const stack: Frame[] = [{ value: root, depth: 1, parent: undefined, key: "", budget: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, budget } = frame;
    const isArray = Array.isArray(value);
    const keys: (string | number)[] | undefined = isArray ? undefined : Object.keys(value);
    const length = isArray ? (value as unknown[]).length : keys!.length;
    if (budget) {
      if (keys && length > INPUT_LIMITS.metadataMaxKeys) return metadataTooLarge(budget.field, "keys");
      budget.chars += 2 + (length > 0 ? length - 1 : 0);
    }
    for (let i = 0; i < length; i++) {
      const key = isArray ? i : (keys![i] as string);
      if (!isArray) {
        if (!isCleanString(key as string)) return invalidString(fieldOf(frame, key), where, true);
        if (budget) budget.chars += (key as string).length + 3;
      }
      const child = (value as Record<string | number, unknown>)[key];
      if (typeof child === "string") {
        if (!isCleanString(child)) return invalidString(fieldOf(frame, key), where, false);
      } else if (typeof child === "number") {
        if (!Number.isFinite(child)) return invalidNumber(fieldOf(frame, key), where);
      } else if (child !== null && typeof child === "object") {
        if (frame.depth >= INPUT_LIMITS.maxDepth) return tooDeep(topField(frame, key), where);
        let childBudget = budget;
        if (!childBudget && options.metadata && key === "metadata") childBudget = { field: fieldOf(frame, key), chars: 0 };
        stack.push({ value: child, depth: frame.depth + 1, parent: frame, key, budget: childBudget });
        continue;
      }
      if (budget) budget.chars += scalarChars(child);
    }
    if (budget && budget.chars > INPUT_LIMITS.metadataMaxChars) return metadataTooLarge(budget.field, "chars");
  }
  return undefined;
}
