import { isoDate, listQuery, money, stringList, z } from "kiosk";
import { PRICE_LIST_ORDER_FIELDS } from "../../../lib/price-list-query";

const id = z.string().min(1).max(200);
const quantity = z.number().int().min(1).max(1_000_000).nullable().optional();
const type = z.enum(["sale", "override"]);
const status = z.enum(["active", "draft"]);

/** A price of a request: a variant's amount in `currency_code` or in `region_id`'s currency (exactly one), for a quantity tier. */
const price = z
  .strictObject({
    id: id.optional(),
    variant_id: id,
    amount: money,
    currency_code: z.string().regex(/^[a-zA-Z]{3}$/).optional(),
    region_id: id.optional(),
    min_quantity: quantity,
    max_quantity: quantity,
  })
  .refine((p) => !p.currency_code !== !p.region_id, { message: "a price has either currency_code or region_id", path: ["currency_code"] });

const prices = z.array(price).max(1000);
const customerGroups = z.array(z.strictObject({ id })).max(100);
const name = z.string().trim().min(1).max(200);
const description = z.string().max(20_000);

/** The body of `POST /admin/price-lists`, as Medusa v1's `AdminPostPriceListsPriceListReq`. */
export const createPriceList = z.strictObject({
  name,
  description,
  type,
  status: status.optional(),
  starts_at: isoDate.nullable().optional(),
  ends_at: isoDate.nullable().optional(),
  prices,
  customer_groups: customerGroups.optional(),
});

/** The body of `POST /admin/price-lists/:id`: prices are added (or changed, with `id`), groups replaced. */
export const updatePriceList = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  type: type.optional(),
  status: status.optional(),
  starts_at: isoDate.nullable().optional(),
  ends_at: isoDate.nullable().optional(),
  prices: prices.optional(),
  customer_groups: customerGroups.optional(),
});

const enumList = (values: readonly string[]) =>
  stringList.refine((list) => list.length <= 10 && list.every((v) => values.includes(v)), { message: `expected one of ${values.join(", ")}` });

/** `GET /admin/price-lists`. */
export const listPriceListsQuery = listQuery(
  {
    q: z.string().max(200).optional(),
    status: enumList(["active", "draft"]).optional(),
    type: enumList(["sale", "override"]).optional(),
    order: z.enum([...PRICE_LIST_ORDER_FIELDS, ...PRICE_LIST_ORDER_FIELDS.map((f) => `-${f}` as const)]).optional(),
  },
  10,
);

/** The body of `POST /admin/price-lists/:id/prices/batch`. */
export const addPricesBody = z.strictObject({ prices: prices.min(1), override: z.boolean().optional() });

/** The body of `DELETE /admin/price-lists/:id/prices/batch`. */
export const deletePricesBody = z.strictObject({ price_ids: z.array(id).min(1).max(1000) });

/** `GET /admin/price-lists/:id/products`. */
export const listProductsQuery = listQuery({ q: z.string().max(200).optional() }, 50);
export const deleteProductsPricesBody = z.strictObject({ product_ids: z.array(id).min(1).max(1000) });
