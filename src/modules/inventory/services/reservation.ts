import { In, mergeMetadata, NotFoundError, type EntityManager, type KioskServices, type TransactionContext, type UnitOfWork } from "kiosk";
import { lockRow } from "kiosk/sql";
import { InventoryItem } from "../models/inventory-item";
import { InventoryLevel } from "../models/inventory-level";
import { ReservationItem } from "../models/reservation-item";
import { consumeAt, mustReserveAt, releaseAt } from "../lib/level-moves";
import { availableAt, reserveLines, type ReservableLine } from "../lib/checkout-reservations";
import { selectReservationPage, type ReservationFilters } from "../lib/reservation-list";

export interface ReservationInput {
  line_item_id?: string | null;
  location_id: string;
  inventory_item_id: string;
  quantity: number;
  description?: string | null;
  metadata?: Record<string, unknown> | null;
}

export type ReservationUpdate = Partial<Pick<ReservationInput, "location_id" | "quantity" | "description" | "metadata">>;

/**
 * Reservations: units of an item held at a location. Every change moves the
 * level's `reserved_quantity` in the same transaction, and a reservation never
 * holds more than the level has available (one conditional UPDATE). For other
 * modules: checkout reserves a cart's lines (`reserveForCart`), cancellation
 * and an undone checkout release them (`releaseForLines`, exactly once: the
 * row's deletion is the proof), fulfilment at a location turns them into
 * shipped stock (`fulfillAt`).
 */
export default class ReservationService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filters: ReservationFilters, page: { offset: number; limit: number; order?: string }): Promise<[ReservationItem[], number]> {
    return this.unitOfWork.read((manager) => selectReservationPage(manager, filters, page));
  }

  retrieve(id: string): Promise<ReservationItem> {
    return this.unitOfWork.read((manager) => this.load(manager, id));
  }

  create(input: ReservationInput, createdBy: string | null): Promise<ReservationItem> {
    return this.unitOfWork.run(async (tx) => {
      await this.requireLevel(tx.manager, input.inventory_item_id, input.location_id);
      await mustReserveAt(tx.manager, input.inventory_item_id, input.location_id, input.quantity);
      const row = tx.manager.create(ReservationItem, {
        inventory_item_id: input.inventory_item_id,
        location_id: input.location_id,
        line_item_id: input.line_item_id ?? null,
        quantity: input.quantity,
        description: input.description ?? null,
        created_by: createdBy,
        external_id: null,
        metadata: input.metadata ?? null,
      });
      await tx.manager.save(ReservationItem, row);
      tx.emit("reservation-item.created", { id: row.id });
      return row;
    });
  }

  /** Changes quantity or location: the old units are released and the new ones reserved, checked like a new reservation. */
  update(id: string, input: ReservationUpdate): Promise<ReservationItem> {
    return this.unitOfWork.run(async (tx) => {
      const row = await this.locked(tx.manager, id);
      const location = input.location_id ?? row.location_id;
      const quantity = input.quantity ?? row.quantity;
      if (location !== row.location_id || quantity !== row.quantity) {
        if (location !== row.location_id) await this.requireLevel(tx.manager, row.inventory_item_id, location);
        await releaseAt(tx.manager, row.inventory_item_id, row.location_id, row.quantity);
        await mustReserveAt(tx.manager, row.inventory_item_id, location, quantity);
      }
      Object.assign(row, { location_id: location, quantity });
      if (input.description !== undefined) row.description = input.description;
      if (input.metadata !== undefined) row.metadata = mergeMetadata(row.metadata, input.metadata);
      await tx.manager.save(ReservationItem, row);
      tx.emit("reservation-item.updated", { id });
      return row;
    });
  }

  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const row = await this.locked(tx.manager, id);
      await this.release(tx, [row]);
    });
  }

  /**
   * In checkout's transaction: reserves the lines whose variant has an
   * inventory item with levels, preferring the locations of the cart's channel,
   * and answers those variants' ids (their variant stock is left alone).
   */
  reserveForCart(lines: ReservableLine[], channelId: string | null): Promise<Set<string>> {
    const channelLocations = channelId ? this.cradle.stockLocationService.locationsOfChannel(channelId) : null;
    return this.unitOfWork.run((tx) => reserveLines(tx.manager, lines, channelLocations));
  }

  /**
   * The units of a variant a cart of `channelId` could reserve (the cart
   * module's line check when the variant's own stock falls short); null when
   * the variant has no located inventory.
   */
  availableFor(variantId: string, channelId: string | null): Promise<number | null> {
    const channelLocations = channelId ? this.cradle.stockLocationService.locationsOfChannel(channelId) : null;
    return this.unitOfWork.read((manager) => availableAt(manager, variantId, channelLocations));
  }

  /** Releases the lines' reservations (a canceled order, an undone checkout); each only once. */
  releaseForLines(lineIds: string[]): Promise<void> {
    if (!lineIds.length) return Promise.resolve();
    return this.unitOfWork.run(async (tx) => {
      const rows = await tx.manager.find(ReservationItem, { where: { line_item_id: In(lineIds) }, order: { inventory_item_id: "ASC", id: "ASC" } });
      await this.release(tx, rows);
    });
  }

  /**
   * Fulfilment at `locationId`: each line's reservations there, up to the
   * fulfilled quantity, become a decrement of the level's stocked (and
   * reserved) quantity; a reservation is used up only once (a conditional
   * UPDATE of its quantity), and deleted when nothing is left of it.
   */
  fulfillAt(locationId: string, lines: { line_item_id: string; quantity: number }[]): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.cradle.stockLocationService.assertExist([locationId]);
      for (const { line_item_id, quantity } of lines) {
        let left = quantity;
        const rows = await tx.manager.find(ReservationItem, { where: { line_item_id, location_id: locationId }, order: { id: "ASC" } });
        for (const row of rows) {
          if (left <= 0) break;
          const take = Math.min(left, row.quantity);
          const { affected } = await tx.manager
            .createQueryBuilder()
            .update(ReservationItem)
            .set({ quantity: () => "quantity - :take", updated_at: new Date() })
            .where("id = :id AND quantity >= :take", { id: row.id, take })
            .execute();
          if (!affected) continue;
          await consumeAt(tx.manager, row.inventory_item_id, locationId, take);
          if (take === row.quantity) await tx.manager.delete(ReservationItem, { id: row.id, quantity: 0 });
          left -= take;
        }
      }
    });
  }

  /** Deletes rows and gives their units back; a row another transaction deleted first gives nothing. */
  private async release(tx: TransactionContext, rows: ReservationItem[]): Promise<void> {
    for (const row of rows) {
      const { affected } = await tx.manager.delete(ReservationItem, { id: row.id });
      if (!affected) continue;
      await releaseAt(tx.manager, row.inventory_item_id, row.location_id, row.quantity);
      tx.emit("reservation-item.deleted", { id: row.id });
    }
  }

  private async requireLevel(manager: EntityManager, itemId: string, locationId: string): Promise<void> {
    if (!(await manager.existsBy(InventoryItem, { id: itemId }))) throw new NotFoundError(`Inventory item with id ${itemId} was not found`, "inventory_item_not_found");
    if (!(await manager.existsBy(InventoryLevel, { inventory_item_id: itemId, location_id: locationId }))) {
      throw new NotFoundError(`Inventory item ${itemId} is not stocked at location ${locationId}`, "inventory_level_not_found");
    }
  }

  private async load(manager: EntityManager, id: string): Promise<ReservationItem> {
    const row = await manager.findOneBy(ReservationItem, { id });
    if (!row) throw new NotFoundError(`Reservation with id ${id} was not found`, "reservation_not_found");
    return row;
  }

  private async locked(manager: EntityManager, id: string): Promise<ReservationItem> {
    const row = await lockRow(manager, ReservationItem, id);
    if (!row) throw new NotFoundError(`Reservation with id ${id} was not found`, "reservation_not_found");
    return row;
  }
}
