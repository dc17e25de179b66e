import { UnprocessableError, type EntityManager } from "kiosk";
import { runSql, sql, type Sql } from "kiosk/sql";
import { ReservationItem } from "../models/reservation-item";
import { reserveAt } from "./level-moves";

/** A cart line as checkout hands it over, with its variant's stock rules. */
export interface ReservableLine {
  id: string;
  variant_id: string;
  quantity: number;
  manage_inventory: boolean;
  allow_backorder: boolean;
}

interface Candidate {
  item_id: string;
  variant_id: string;
  location_id: string;
  in_channel: number | string | boolean;
}

/**
 * Reserves the lines whose variant has an inventory item with levels, inside
 * checkout's transaction, and answers those variants' ids (their stock is not
 * taken from the variant). One statement finds the items and their locations
 * (none: nothing else runs). Each line is reserved whole at one location: the
 * locations serving the cart's channel when it has any, else all the item's
 * locations, in location id order, first that holds enough wins (one
 * conditional UPDATE each); none is a 422 `insufficient_inventory`. The
 * finding statement has a fixed shape (the ids as one parameter), prepared
 * once per connection on PostgreSQL, so a checkout without located inventory
 * pays one bind and execute of an index lookup. Lines are
 * taken in item then line order, so concurrent checkouts lock levels in the
 * same order. A variant that does not manage inventory reserves nothing; one
 * allowing backorders reserves at its first location without the check.
 */
export async function reserveLines(manager: EntityManager, lines: ReservableLine[], channelLocations: Sql | null): Promise<Set<string>> {
  const variantIds = [...new Set(lines.map((l) => l.variant_id))];
  if (!variantIds.length) return new Set();
  const inChannel = channelLocations ? sql`CASE WHEN l."location_id" IN (${channelLocations}) THEN 1 ELSE 0 END` : sql`0`;
  const candidates = await runSql<Candidate>(
    manager,
    sql`SELECT i."id" AS "item_id", i."variant_id" AS "variant_id", l."location_id" AS "location_id", ${inChannel} AS "in_channel"
        FROM "inventory_item" i JOIN "inventory_level" l ON l."inventory_item_id" = i."id"
        WHERE ${sql.in(sql`i."variant_id"`, variantIds)}
        ORDER BY i."id", l."location_id"`,
    { prepare: true },
  );
  if (!candidates.length) return new Set();
  const byVariant = new Map<string, Candidate[]>();
  for (const c of candidates) byVariant.set(c.variant_id, [...(byVariant.get(c.variant_id) ?? []), c]);
  const handled = new Set(byVariant.keys());
  const reservable = lines
    .filter((l) => handled.has(l.variant_id) && l.manage_inventory && l.quantity > 0)
    .map((l) => ({ line: l, item: byVariant.get(l.variant_id)![0].item_id }))
    .sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : a.line.id < b.line.id ? -1 : 1));
  const rows: Partial<ReservationItem>[] = [];
  for (const { line, item } of reservable) {
    const all = byVariant.get(line.variant_id)!;
    const served = all.filter((c) => Number(c.in_channel) === 1 || c.in_channel === true);
    const locations = (served.length ? served : all).map((c) => c.location_id);
    const check = !line.allow_backorder;
    let at: string | undefined;
    for (const location of check ? locations : locations.slice(0, 1)) {
      if (await reserveAt(manager, item, location, line.quantity, check)) {
        at = location;
        break;
      }
    }
    if (!at) throw new UnprocessableError(`Variant with id: ${line.variant_id} does not have the required inventory`, "insufficient_inventory", "items");
    rows.push({ inventory_item_id: item, location_id: at, line_item_id: line.id, quantity: line.quantity, description: null, created_by: null, external_id: null, metadata: null });
  }
  if (rows.length) await manager.insert(ReservationItem, rows.map((r) => manager.create(ReservationItem, r)) as never);
  return handled;
}

/**
 * What a variant's item has available for a cart of `channelLocations`' channel:
 * summed over the channel's locations when the item is stocked at any of them,
 * else over all its locations; null when the variant has no located inventory.
 * One statement.
 */
export async function availableAt(manager: EntityManager, variantId: string, channelLocations: Sql | null): Promise<number | null> {
  const inChannel = channelLocations ? sql`CASE WHEN l."location_id" IN (${channelLocations}) THEN 1 ELSE 0 END` : sql`0`;
  const rows = await runSql<{ available: number | string; in_channel: number | string | boolean }>(
    manager,
    sql`SELECT l."stocked_quantity" - l."reserved_quantity" AS "available", ${inChannel} AS "in_channel"
        FROM "inventory_item" i JOIN "inventory_level" l ON l."inventory_item_id" = i."id"
        WHERE i."variant_id" = ${variantId}`,
    { prepare: true },
  );
  if (!rows.length) return null;
  const served = rows.filter((r) => Number(r.in_channel) === 1 || r.in_channel === true);
  return (served.length ? served : rows).reduce((sum, r) => sum + Math.max(0, Number(r.available)), 0);
}
