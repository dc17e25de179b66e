import { ApiError } from "../api";
import { moneyInput, parseMoney } from "../money";
import { bodyOf, emptyValues, valuesOf, type SchemaProperty } from "../ui/schema-field";

/** The product form's state, as text, and its conversions to and from the Admin API. */
export interface PriceDraft {
  currency_code: string;
  amount: string;
}
export interface VariantDraft {
  id?: string;
  title: string;
  sku: string;
  inventory_quantity: string;
  options: string[];
  prices: PriceDraft[];
  /** The config's `product_variant` custom fields, as text. */
  custom: Record<string, string>;
}
export interface Draft {
  title: string;
  handle: string;
  description: string;
  status: string;
  thumbnail: string;
  collection_id: string;
  /** Comma separated tag values. */
  tags: string;
  /** Image URLs, in order. */
  images: string[];
  /** Category ids. */
  categories: string[];
  /** The config's `product` custom fields, as text. */
  custom: Record<string, string>;
  options: { id?: string; title: string }[];
  variants: VariantDraft[];
}

export const STATUSES = ["draft", "proposed", "published", "rejected"];

/** The custom fields of the product and of its variants (`GET /admin/dashboard/schema`). */
export interface CustomFields {
  product: SchemaProperty[];
  variant: SchemaProperty[];
}

export function emptyVariant(options: number, currencies: string[], custom: CustomFields): VariantDraft {
  return { title: "", sku: "", inventory_quantity: "0", options: Array(options).fill(""), prices: currencies.map((c) => ({ currency_code: c, amount: "" })), custom: emptyValues(custom.variant) };
}

export function emptyDraft(currencies: string[], custom: CustomFields): Draft {
  return {
    title: "",
    handle: "",
    description: "",
    status: "published",
    thumbnail: "",
    collection_id: "",
    tags: "",
    images: [],
    categories: [],
    custom: emptyValues(custom.product),
    options: [{ title: "Size" }],
    variants: [emptyVariant(1, currencies, custom)],
  };
}

/** The product's own fields as create and update bodies take them. */
export function productBody(d: Draft, custom: CustomFields, editing: boolean) {
  const tags = [...new Set(d.tags.split(",").map((t) => t.trim()).filter(Boolean))].map((value) => ({ value }));
  return {
    title: d.title,
    ...(d.handle.trim() ? { handle: d.handle.trim() } : {}),
    description: d.description || null,
    status: d.status,
    thumbnail: d.thumbnail.trim() || null,
    images: d.images,
    collection_id: d.collection_id || null,
    tags,
    categories: d.categories.map((id) => ({ id })),
    ...bodyOf(custom.product, d.custom, editing),
  };
}

/** A product from the API as the form edits it. */
export function draftOf(product: any, currencies: string[], custom: CustomFields): Draft {
  const options = (product.options ?? []).map((o: any) => ({ id: o.id, title: o.title }));
  return {
    title: product.title ?? "",
    handle: product.handle ?? "",
    description: product.description ?? "",
    status: product.status ?? "draft",
    thumbnail: product.thumbnail ?? "",
    collection_id: product.collection_id ?? "",
    tags: (product.tags ?? []).map((t: any) => t.value).join(", "),
    images: (product.images ?? []).map((i: any) => i.url),
    categories: (product.categories ?? []).map((c: any) => c.id),
    custom: valuesOf(custom.product, product),
    options,
    variants: (product.variants ?? []).map((v: any) => {
      const prices: PriceDraft[] = (v.prices ?? [])
        .filter((p: any) => p.currency_code && !p.region_id && !p.price_list_id)
        .map((p: any) => ({ currency_code: p.currency_code, amount: moneyInput(Number(p.amount), p.currency_code) }));
      for (const c of currencies) if (!prices.some((p) => p.currency_code === c)) prices.push({ currency_code: c, amount: "" });
      return {
        id: v.id,
        title: v.title ?? "",
        sku: v.sku ?? "",
        inventory_quantity: String(v.inventory_quantity ?? 0),
        options: options.map((o: { id: string }) => v.options?.find((ov: any) => ov.option_id === o.id)?.value ?? ""),
        prices,
        custom: valuesOf(custom.variant, v),
      };
    }),
  };
}

/** The prices of a variant draft as the API takes them; `errors` gets the amounts that are not amounts. */
function pricesOf(v: VariantDraft, prefix: string, errors: Record<string, string>) {
  return v.prices
    .map((p, k) => {
      if (!p.amount.trim()) return undefined;
      const amount = parseMoney(p.amount, p.currency_code);
      if (amount === undefined) errors[`${prefix}.prices.${k}.amount`] = `An amount in ${p.currency_code.toUpperCase()}, such as 12.50`;
      return { currency_code: p.currency_code, amount: amount ?? 0 };
    })
    .filter((p) => p !== undefined);
}

export function variantBody(v: VariantDraft, prefix: string, errors: Record<string, string>, custom: SchemaProperty[] = [], editing = false) {
  const qty = Number(v.inventory_quantity || 0);
  if (!Number.isInteger(qty) || qty < 0) errors[`${prefix}.inventory_quantity`] = "A whole number, 0 or more";
  return { title: v.title, ...(v.sku.trim() ? { sku: v.sku.trim() } : {}), inventory_quantity: qty, prices: pricesOf(v, prefix, errors), ...bodyOf(custom, v.custom, editing && Boolean(v.id)) };
}

/** An error of `POST …/variants/:id` names `prices.0.amount`: the form's field is `variants.<i>.prices.0.amount`. */
export function underVariant(error: unknown, i: number): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(error.status, error.type, error.code, error.message.replace(/^([\w.]+):/, `variants.${i}.$1:`), error.field ? `variants.${i}.${error.field}` : undefined);
}

