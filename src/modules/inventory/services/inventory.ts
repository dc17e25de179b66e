import { ConflictError, In, mergeMetadata, NotFoundError, UnprocessableError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { lockRow } from "kiosk/sql";
import { InventoryItem } from "../models/inventory-item";
import { InventoryLevel } from "../models/inventory-level";
import { ReservationItem } from "../models/reservation-item";
import { itemView, levelView, type InventoryItemView, type LevelView } from "../lib/item-view";
import { selectItemPage, type ItemFilters } from "../lib/item-list";

export type ItemInput = Partial<
  Pick<
    InventoryItem,
    "sku" | "origin_country" | "hs_code" | "mid_code" | "material" | "weight" | "length" | "height" | "width" | "title" | "description" | "thumbnail" | "requires_shipping" | "metadata"
  >
>;

export interface LevelInput {
  stocked_quantity?: number;
  incoming_quantity?: number;
}

/**
 * Inventory items (one per variant) and their stock per location. Reservations,
 * and what checkout, cancellation and fulfilment ask of them, are the
 * `reservationService`'s. The stock-location module asks `dropLocation` when a
 * location is deleted.
 */
export default class InventoryService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filters: ItemFilters, page: { offset: number; limit: number; order?: string }): Promise<[InventoryItemView[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const [items, count] = await selectItemPage(manager, filters, page);
      return [await this.withLevels(manager, items), count];
    });
  }

  retrieve(id: string): Promise<InventoryItemView> {
    return this.unitOfWork.read(async (manager) => (await this.withLevels(manager, [await this.load(manager, id)]))[0]);
  }

  /** The items of variants (for `GET /admin/variants/:id/inventory`). */
  listByVariants(variantIds: string[]): Promise<InventoryItemView[]> {
    if (!variantIds.length) return Promise.resolve([]);
    return this.unitOfWork.read(async (manager) => this.withLevels(manager, await manager.find(InventoryItem, { where: { variant_id: In(variantIds) }, order: { id: "ASC" } })));
  }

  /** Makes the item of a variant (checked by the product module); a variant has one item (409 `variant_has_inventory_item`). */
  async create(input: ItemInput & { variant_id: string }): Promise<InventoryItemView> {
    const variant = await this.cradle.productVariantService.retrieve(input.variant_id);
    return this.unitOfWork.run(async (tx) => {
      if (await tx.manager.existsBy(InventoryItem, { variant_id: input.variant_id })) {
        throw new ConflictError(`Variant ${input.variant_id} already has an inventory item`, "variant_has_inventory_item");
      }
      const item = tx.manager.create(InventoryItem, {
        sku: variant.sku ?? null,
        origin_country: null,
        hs_code: null,
        mid_code: null,
        material: null,
        weight: null,
        length: null,
        height: null,
        width: null,
        title: variant.title ?? null,
        description: null,
        thumbnail: null,
        requires_shipping: true,
        ...input,
        metadata: input.metadata ?? null,
      });
      await tx.manager.save(InventoryItem, item);
      tx.emit("inventory-item.created", { id: item.id });
      return itemView(item, []);
    });
  }

  update(id: string, input: ItemInput): Promise<InventoryItemView> {
    return this.unitOfWork.run(async (tx) => {
      const item = await this.locked(tx.manager, id);
      const { metadata, ...fields } = input;
      Object.assign(item, fields);
      if (metadata !== undefined) item.metadata = mergeMetadata(item.metadata, metadata);
      await tx.manager.save(InventoryItem, item);
      tx.emit("inventory-item.updated", { id });
      return (await this.withLevels(tx.manager, [item]))[0];
    });
  }

  /** Deletes the item with its levels and reservations. */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.locked(tx.manager, id);
      await tx.manager.delete(ReservationItem, { inventory_item_id: id });
      await tx.manager.delete(InventoryLevel, { inventory_item_id: id });
      await tx.manager.delete(InventoryItem, { id });
      tx.emit("inventory-item.deleted", { id });
    });
  }

  listLevels(id: string, locationIds?: string[]): Promise<LevelView[]> {
    return this.unitOfWork.read(async (manager) => {
      await this.load(manager, id);
      const where = locationIds ? { inventory_item_id: id, location_id: In(locationIds) } : { inventory_item_id: id };
      return (await manager.find(InventoryLevel, { where, order: { created_at: "ASC", id: "ASC" } })).map(levelView);
    });
  }

  /** Stocks the item at a location (checked by the stock-location module); one level per location (409 `level_exists`). */
  async createLevel(id: string, locationId: string, input: LevelInput): Promise<InventoryItemView> {
    await this.cradle.stockLocationService.assertExist([locationId]);
    return this.unitOfWork.run(async (tx) => {
      const item = await this.locked(tx.manager, id);
      if (await tx.manager.existsBy(InventoryLevel, { inventory_item_id: id, location_id: locationId })) {
        throw new ConflictError(`Inventory item ${id} is already stocked at location ${locationId}`, "level_exists");
      }
      const level = tx.manager.create(InventoryLevel, {
        inventory_item_id: id,
        location_id: locationId,
        stocked_quantity: input.stocked_quantity ?? 0,
        reserved_quantity: 0,
        incoming_quantity: input.incoming_quantity ?? 0,
        metadata: null,
      });
      await tx.manager.save(InventoryLevel, level);
      tx.emit("inventory-item.updated", { id });
      return (await this.withLevels(tx.manager, [item]))[0];
    });
  }

  /** Sets a level's stocked and incoming quantities (reserved ones are the reservations'). */
  updateLevel(id: string, locationId: string, input: LevelInput): Promise<InventoryItemView> {
    return this.unitOfWork.run(async (tx) => {
      const item = await this.locked(tx.manager, id);
      const level = await this.level(tx.manager, id, locationId);
      if (input.stocked_quantity !== undefined) level.stocked_quantity = input.stocked_quantity;
      if (input.incoming_quantity !== undefined) level.incoming_quantity = input.incoming_quantity;
      await tx.manager.update(
        InventoryLevel,
        { id: level.id },
        { stocked_quantity: level.stocked_quantity, incoming_quantity: level.incoming_quantity, updated_at: new Date() },
      );
      tx.emit("inventory-item.updated", { id });
      return (await this.withLevels(tx.manager, [item]))[0];
    });
  }

  /** Removes a level; one holding reservations is refused (422 `level_has_reservations`). */
  deleteLevel(id: string, locationId: string): Promise<InventoryItemView> {
    return this.unitOfWork.run(async (tx) => {
      const item = await this.locked(tx.manager, id);
      const level = await this.level(tx.manager, id, locationId);
      if (await tx.manager.existsBy(ReservationItem, { inventory_item_id: id, location_id: locationId })) {
        throw new UnprocessableError(`Inventory item ${id} has reservations at location ${locationId}; delete them first`, "level_has_reservations");
      }
      await tx.manager.delete(InventoryLevel, { id: level.id });
      tx.emit("inventory-item.updated", { id });
      return (await this.withLevels(tx.manager, [item]))[0];
    });
  }

  /** Forgets a deleted location's levels and reservations, inside the stock-location module's write. */
  dropLocation(locationId: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await tx.manager.delete(ReservationItem, { location_id: locationId });
      await tx.manager.delete(InventoryLevel, { location_id: locationId });
    });
  }

  private async withLevels(manager: EntityManager, items: InventoryItem[]): Promise<InventoryItemView[]> {
    if (!items.length) return [];
    const levels = await manager.find(InventoryLevel, { where: { inventory_item_id: In(items.map((i) => i.id)) }, order: { created_at: "ASC", id: "ASC" } });
    return items.map((item) => itemView(item, levels));
  }

  private async level(manager: EntityManager, id: string, locationId: string): Promise<InventoryLevel> {
    const level = await manager.findOneBy(InventoryLevel, { inventory_item_id: id, location_id: locationId });
    if (!level) throw new NotFoundError(`Inventory item ${id} is not stocked at location ${locationId}`, "inventory_level_not_found");
    return level;
  }

  private async load(manager: EntityManager, id: string): Promise<InventoryItem> {
    const item = await manager.findOneBy(InventoryItem, { id });
    if (!item) throw new NotFoundError(`Inventory item with id ${id} was not found`, "inventory_item_not_found");
    return item;
  }

  private async locked(manager: EntityManager, id: string): Promise<InventoryItem> {
    const item = await lockRow(manager, InventoryItem, id);
    if (!item) throw new NotFoundError(`Inventory item with id ${id} was not found`, "inventory_item_not_found");
    return item;
  }
}
