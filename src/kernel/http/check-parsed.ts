import { InvalidDataError } from "../errors";
import { DATE_RANGE_MESSAGE, isStorableDate } from "./date-schema";
import { invalidNumber } from "./input-limits";

interface Frame {
  value: object;
  parent: Frame | undefined;
  key: string | number;
}

function fieldOf(frame: Frame, key: string | number): string {
  const parts = [key];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) parts.push(f.key);
  return parts.reverse().join(".");
}

function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * What a route's schema made of the input, checked for values a zod coercion
 * can produce but no column holds: a Date outside years 1 to 9999
 * (`z.coerce.date()` takes `-271821-04-20`) and a number that is not finite
 * (a transform's `Number("x")`). One iterative pass over the parsed objects and
 * arrays; strings and keys were checked at the edge already (`input-edge.ts`).
 */
export function checkParsed(root: unknown, where: "body" | "query"): InvalidDataError | undefined {
  if (root instanceof Date) return isStorableDate(root) ? undefined : new InvalidDataError(`${where}: ${DATE_RANGE_MESSAGE}`, { code: "invalid_date" });
  if (typeof root === "number") return Number.isFinite(root) ? undefined : invalidNumber(undefined, where);
  if (root === null || typeof root !== "object" || !isPlain(root)) return undefined;
  const stack: Frame[] = [{ value: root, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const value = frame.value;
    const isArray = Array.isArray(value);
    const keys = isArray ? undefined : Object.keys(value);
    const length = isArray ? (value as unknown[]).length : keys!.length;
    for (let i = 0; i < length; i++) {
      const key = isArray ? i : keys![i];
      const child = (value as Record<string | number, unknown>)[key];
      if (typeof child === "number") {
        if (!Number.isFinite(child)) return invalidNumber(fieldOf(frame, key), where);
      } else if (child instanceof Date) {
        if (!isStorableDate(child)) {
          const field = fieldOf(frame, key);
          return new InvalidDataError(`${field}: ${DATE_RANGE_MESSAGE}`, { code: "invalid_date", field });
        }
      } else if (child !== null && typeof child === "object" && isPlain(child)) {
        stack.push({ value: child, parent: frame, key });
      }
    }
  }
  return undefined;
}
