import path from "node:path";

/**
 * The one naming rule for container keys, with no special cases:
 * `services/review.ts` -> `reviewService`, `services/product-variant.ts` -> `productVariantService`.
 */
export function serviceKey(file: string): string {
  return `${camelCase(path.basename(file).replace(/\.(ts|js)$/, ""))}Service`;
}

/** `product-variant` / `product_variant` -> `productVariant`. */
export function camelCase(name: string): string {
  return name.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());
}
