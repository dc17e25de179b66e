import { UnprocessableError, type EntityManager } from "kiosk";
import { InventoryLevel } from "../models/inventory-level";

/**
 * Reserves `quantity` units of an item at a location inside the caller's
 * transaction, with one conditional UPDATE (`reserved_quantity + n <= stocked_quantity`,
 * no read first), so concurrent reservations never promise more than is
 * stocked. `check: false` (a variant allowing backorders) reserves anyway.
 * Answers whether a row changed.
 */
export async function reserveAt(manager: EntityManager, itemId: string, locationId: string, quantity: number, check = true): Promise<boolean> {
  const qb = manager
    .createQueryBuilder()
    .update(InventoryLevel)
    .set({ reserved_quantity: () => "reserved_quantity + :quantity", updated_at: new Date() })
    .where("inventory_item_id = :itemId AND location_id = :locationId", { itemId, locationId, quantity });
  if (check) qb.andWhere("reserved_quantity + :quantity <= stocked_quantity");
  const { affected } = await qb.execute();
  return !!affected;
}

/** Like `reserveAt`, but a refusal is a 422 `insufficient_inventory`. */
export async function mustReserveAt(manager: EntityManager, itemId: string, locationId: string, quantity: number): Promise<void> {
  if (!(await reserveAt(manager, itemId, locationId, quantity))) {
    throw new UnprocessableError(`Inventory item ${itemId} does not have ${quantity} units available at location ${locationId}`, "insufficient_inventory", "quantity");
  }
}

/** Gives back reserved units (never below 0); a level deleted since is skipped. */
export async function releaseAt(manager: EntityManager, itemId: string, locationId: string, quantity: number): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(InventoryLevel)
    .set({
      reserved_quantity: () => "CASE WHEN reserved_quantity >= :quantity THEN reserved_quantity - :quantity ELSE 0 END",
      updated_at: new Date(),
    })
    .where("inventory_item_id = :itemId AND location_id = :locationId", { itemId, locationId, quantity })
    .execute();
}

/** Turns reserved units into shipped ones: both `stocked_quantity` and `reserved_quantity` go down by `quantity`. */
export async function consumeAt(manager: EntityManager, itemId: string, locationId: string, quantity: number): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(InventoryLevel)
    .set({
      stocked_quantity: () => "stocked_quantity - :quantity",
      reserved_quantity: () => "CASE WHEN reserved_quantity >= :quantity THEN reserved_quantity - :quantity ELSE 0 END",
      updated_at: new Date(),
    })
    .where("inventory_item_id = :itemId AND location_id = :locationId", { itemId, locationId, quantity })
    .execute();
}
