import { stringList, z } from "kiosk";

/** `?id=a,b` / `?id[]=a&id[]=b`: at most 200 ids, none empty or absurdly long. */
export const idList = stringList.pipe(z.array(z.string().min(1).max(100)).min(1).max(200));

/** `?flag=true|false` (or a JSON boolean in a body). */
export const queryBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** A lower-cased ISO 4217 code: three letters. */
export const currencyCode = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, "must be a 3-letter ISO 4217 currency code")
  .transform((c) => c.toLowerCase());

/** An id given in a body or a query. */
export const id = z.string().min(1).max(100);

/** A handle: a URL-safe slug. */
export const handle = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "must be lower-case letters, digits, - and _");

/** A whole number that fits the database's integer column. */
export const int32 = z.number().int().min(0).max(2_147_483_647);
