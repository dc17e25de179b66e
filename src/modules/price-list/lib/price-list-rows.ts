import { In, NotFoundError, type EntityManager } from "kiosk";
import { PriceListCustomerGroup } from "../models/price-list-customer-group";
import { PriceListPrice } from "../models/price-list-price";
import type { ResolvedPrice } from "./price-inputs";

/** Writes prices into a list: one with an `id` changes that price of the list (404 when it has none), others are added. */
export async function writePrices(manager: EntityManager, listId: string, prices: ResolvedPrice[]): Promise<void> {
  const now = new Date();
  const added: PriceListPrice[] = [];
  for (const { id, ...fields } of prices) {
    if (id) {
      const { affected } = await manager.update(PriceListPrice, { id, price_list_id: listId }, { ...fields, updated_at: now });
      if (!affected) throw new NotFoundError(`Price with id ${id} was not found in price list ${listId}`, "price_not_found");
    } else {
      added.push(manager.create(PriceListPrice, { ...fields, price_list_id: listId }));
    }
  }
  if (added.length) await manager.save(PriceListPrice, added, { chunk: 200 });
}

/** Makes a list's customer groups exactly these. */
export async function replaceGroups(manager: EntityManager, listId: string, groupIds: string[]): Promise<void> {
  await manager.delete(PriceListCustomerGroup, { price_list_id: listId });
  if (groupIds.length) await manager.insert(PriceListCustomerGroup, groupIds.map((customer_group_id) => ({ price_list_id: listId, customer_group_id })));
}

/** Deletes a list's prices matching `where`; answers their ids. */
/** Which of a list's prices: by id, by product (one or several) or by variant. */
export interface PriceSelector {
  id?: string[];
  product_id?: string | string[];
  variant_id?: string;
}

export async function deletePrices(manager: EntityManager, listId: string, where: PriceSelector): Promise<string[]> {
  const criteria = {
    price_list_id: listId,
    ...(where.id ? { id: In(where.id) } : {}),
    ...(where.product_id ? { product_id: typeof where.product_id === "string" ? where.product_id : In(where.product_id) } : {}),
    ...(where.variant_id ? { variant_id: where.variant_id } : {}),
  };
  const rows = await manager.find(PriceListPrice, { where: criteria, select: { id: true } });
  if (rows.length) await manager.delete(PriceListPrice, { id: In(rows.map((r) => r.id)) });
  return rows.map((r) => r.id);
}
