import type { EntityManager } from "kiosk";
import { groupBy } from "kiosk/internal";
import { JsonBatch, sql, type Sql } from "kiosk/sql";
import { ClaimAdditionalItem } from "../models/claim-additional-item";
import { ClaimFulfillment } from "../models/claim-fulfillment";
import { ClaimItem } from "../models/claim-item";
import { ClaimOrder } from "../models/claim-order";
import { ClaimShippingMethod } from "../models/claim-shipping-method";
import { claimView, type ClaimView } from "./claim-view";

/**
 * Adds to `batch` the claims `claimIds` picks (an id subquery over
 * `claim_order` or a list) and their items, replacement items and shipping
 * methods and fulfillments; after `batch.run()` the function gives their views, oldest first.
 */
export function addClaimParts(batch: JsonBatch, claimIds: Sql): () => ClaimView[] {
  const claims = batch.rows<ClaimOrder>(ClaimOrder, sql`t."id" IN (${claimIds})`);
  const items = batch.rows<ClaimItem>(ClaimItem, sql`t."claim_order_id" IN (${claimIds})`);
  const additional = batch.rows<ClaimAdditionalItem>(ClaimAdditionalItem, sql`t."claim_order_id" IN (${claimIds})`);
  const methods = batch.rows<ClaimShippingMethod>(ClaimShippingMethod, sql`t."claim_order_id" IN (${claimIds})`);
  const fulfillments = batch.rows<ClaimFulfillment>(ClaimFulfillment, sql`t."claim_order_id" IN (${claimIds})`);
  return () => {
    const itemsOf = groupBy(items.rows, (i) => i.claim_order_id);
    const additionalOf = groupBy(additional.rows, (i) => i.claim_order_id);
    const methodsOf = groupBy(methods.rows, (m) => m.claim_order_id);
    const fulfillmentsOf = groupBy(fulfillments.rows, (f) => f.claim_order_id);
    return claims.rows
      .map((c) => claimView(c, itemsOf.get(c.id) ?? [], additionalOf.get(c.id) ?? [], methodsOf.get(c.id) ?? [], fulfillmentsOf.get(c.id) ?? []))
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
  };
}

/** The views of the claims `ids` (unknown ones left out): one statement. */
export async function loadClaims(manager: EntityManager, ids: string[]): Promise<ClaimView[]> {
  if (!ids.length) return [];
  const batch = new JsonBatch(manager);
  const views = addClaimParts(batch, sql.list(ids));
  await batch.run();
  return views();
}
