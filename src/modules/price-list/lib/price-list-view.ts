import { In, type EntityManager, type KioskServices } from "kiosk";
import { groupBy } from "kiosk/internal";
import type { PriceList } from "../models/price-list";
import { PriceListCustomerGroup } from "../models/price-list-customer-group";
import { PriceListPrice } from "../models/price-list-price";

type PriceListRow = Omit<PriceList, "beforeInsertKiosk" | "beforeUpdateKiosk">;

export type PriceListView = PriceListRow & { prices: PriceListPrice[]; customer_groups: { id: string }[] };

/** Price lists as the Admin API answers them: with their `prices` (oldest first) and live `customer_groups`. */
export async function priceListViews(cradle: KioskServices, manager: EntityManager, lists: PriceList[]): Promise<PriceListView[]> {
  if (!lists.length) return [];
  const ids = lists.map((l) => l.id);
  const prices = await manager.find(PriceListPrice, { where: { price_list_id: In(ids) }, order: { created_at: "ASC", id: "ASC" } });
  const links = await manager.find(PriceListCustomerGroup, { where: { price_list_id: In(ids) } });
  const groups = new Map((await cradle.customerGroupService.liveGroups([...new Set(links.map((l) => l.customer_group_id))])).map((g) => [g.id, g]));
  const pricesOf = groupBy(prices, (p) => p.price_list_id);
  const linksOf = groupBy(links, (l) => l.price_list_id);
  return lists.map((list) => ({
    ...list,
    prices: pricesOf.get(list.id) ?? [],
    customer_groups: (linksOf.get(list.id) ?? []).flatMap((l) => (groups.has(l.customer_group_id) ? [groups.get(l.customer_group_id)!] : [])),
  }));
}
