import type { InventoryItem } from "../models/inventory-item";
import type { InventoryLevel } from "../models/inventory-level";

export type LevelView = InventoryLevel & { available_quantity: number };

/** An inventory item as the API answers it: its levels (with `available_quantity`), totals and its variant. */
export type InventoryItemView = InventoryItem & {
  location_levels: LevelView[];
  stocked_quantity: number;
  reserved_quantity: number;
  variants: { id: string }[];
};

export function levelView(level: InventoryLevel): LevelView {
  return Object.assign(level, { available_quantity: level.stocked_quantity - level.reserved_quantity });
}

export function itemView(item: InventoryItem, levels: InventoryLevel[]): InventoryItemView {
  const own = levels.filter((l) => l.inventory_item_id === item.id).map(levelView);
  return Object.assign(item, {
    location_levels: own,
    stocked_quantity: own.reduce((sum, l) => sum + l.stocked_quantity, 0),
    reserved_quantity: own.reduce((sum, l) => sum + l.reserved_quantity, 0),
    variants: [{ id: item.variant_id }],
  });
}
