import type { KioskServices, Region } from "kiosk";
import { JsonBatch, sql } from "kiosk/sql";
import type { Discount } from "../models/discount";
import type { DiscountRule } from "../models/discount-rule";
import { readConditionParts } from "./condition-reads";
import type { DiscountConditionView } from "./condition-view";

/**
 * A discount as the API shows it, Medusa v1's shape: the rule with its
 * conditions and the regions expanded (the region module's rows; only the id
 * of one no longer there).
 */
export type DiscountView = Omit<Discount, "discount_regions" | "rule"> & {
  rule: DiscountRule & { conditions: DiscountConditionView[] };
  regions: (Region | { id: string })[];
};

/** Discounts (loaded with `rule` and `discount_regions`) as the API shows them. */
export async function discountViews(cradle: KioskServices, rows: Discount[]): Promise<DiscountView[]> {
  const ids = [...new Set(rows.flatMap((d) => (d.discount_regions ?? []).map((r) => r.region_id)))];
  const found = ids.length && cradle.regionService ? await cradle.regionService.listByIds(ids) : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const conditionsOf = await readConditions(cradle, [...new Set(rows.map((d) => d.rule_id))]);
  return rows.map((d) => {
    const { discount_regions, ...rest } = d;
    return {
      ...rest,
      rule: rest.rule ? { ...rest.rule, conditions: conditionsOf.get(rest.rule_id) ?? [] } : rest.rule,
      regions: (discount_regions ?? []).map((r) => byId.get(r.region_id) ?? { id: r.region_id }),
    } as DiscountView;
  });
}

function readConditions(cradle: KioskServices, ruleIds: string[]): Promise<Map<string, DiscountConditionView[]>> {
  if (!ruleIds.length) return Promise.resolve(new Map());
  return cradle.unitOfWork.read(async (manager) => {
    const batch = new JsonBatch(manager);
    const conditions = readConditionParts(batch, sql.list(ruleIds));
    await batch.run();
    return conditions();
  });
}
