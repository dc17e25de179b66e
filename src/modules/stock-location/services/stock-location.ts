import { In, mergeMetadata, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { lockRow, sql, type Sql } from "kiosk/sql";
import { StockLocation } from "../models/stock-location";
import { StockLocationAddress } from "../models/stock-location-address";
import { SalesChannelLocation } from "../models/sales-channel-location";
import { locationView, type StockLocationView } from "../lib/location-view";
import { selectLocationPage, type LocationFilters, type LocationPage } from "../lib/location-list";

export interface LocationAddressInput {
  address_1: string;
  address_2?: string | null;
  company?: string | null;
  city?: string | null;
  country_code: string;
  phone?: string | null;
  province?: string | null;
  postal_code?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface StockLocationInput {
  name?: string;
  address_id?: string | null;
  address?: LocationAddressInput;
  metadata?: Record<string, unknown> | null;
}

/**
 * Stock locations, their addresses and the sales channels they serve. Other
 * modules ask it: the inventory module checks locations (`assertExist`) and
 * picks a cart's locations (`locationsOfChannel`, a subquery); the sales-channel
 * routes show a channel's `locations` (`linksOfChannels`).
 */
export default class StockLocationService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filters: LocationFilters, page: LocationPage): Promise<[StockLocationView[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const [rows, count] = await selectLocationPage(manager, filters, page);
      return [await this.withAddresses(manager, rows), count];
    });
  }

  retrieve(id: string): Promise<StockLocationView> {
    return this.unitOfWork.read(async (manager) => (await this.withAddresses(manager, [await this.load(manager, id)]))[0]);
  }

  create(input: StockLocationInput & { name: string }): Promise<StockLocationView> {
    return this.unitOfWork.run(async (tx) => {
      const address = input.address ? await this.saveAddress(tx.manager, null, input.address) : null;
      if (!address && input.address_id) await this.requireAddress(tx.manager, input.address_id);
      const location = tx.manager.create(StockLocation, {
        name: input.name,
        address_id: address?.id ?? input.address_id ?? null,
        metadata: input.metadata ?? null,
      });
      await tx.manager.save(StockLocation, location);
      tx.emit("stock-location.created", { id: location.id });
      return (await this.withAddresses(tx.manager, [location]))[0];
    });
  }

  update(id: string, input: StockLocationInput): Promise<StockLocationView> {
    return this.unitOfWork.run(async (tx) => {
      const location = await this.locked(tx.manager, id);
      if (input.name !== undefined) location.name = input.name;
      if (input.address) {
        const current = location.address_id ? await tx.manager.findOneBy(StockLocationAddress, { id: location.address_id }) : null;
        location.address_id = (await this.saveAddress(tx.manager, current, input.address)).id;
      } else if (input.address_id !== undefined) {
        if (input.address_id) await this.requireAddress(tx.manager, input.address_id);
        location.address_id = input.address_id;
      }
      if (input.metadata !== undefined) location.metadata = mergeMetadata(location.metadata, input.metadata);
      await tx.manager.save(StockLocation, location);
      tx.emit("stock-location.updated", { id });
      return (await this.withAddresses(tx.manager, [location]))[0];
    });
  }

  /** Deletes the location, its channel links, and (asking the inventory module) its levels and reservations. */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const location = await this.locked(tx.manager, id);
      await tx.manager.delete(SalesChannelLocation, { location_id: id });
      await this.cradle.inventoryService.dropLocation(id);
      await tx.manager.delete(StockLocation, { id });
      if (location.address_id) await tx.manager.delete(StockLocationAddress, { id: location.address_id });
      tx.emit("stock-location.deleted", { id });
    });
  }

  /** Links a location to a sales channel (both checked; linking twice changes nothing). */
  addToChannel(channelId: string, locationId: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.cradle.salesChannelService.assertExist([channelId], "sales_channel_id");
      await this.locked(tx.manager, locationId);
      if (await tx.manager.existsBy(SalesChannelLocation, { sales_channel_id: channelId, location_id: locationId })) return;
      await tx.manager.insert(SalesChannelLocation, tx.manager.create(SalesChannelLocation, { sales_channel_id: channelId, location_id: locationId }) as never);
      tx.emit("sales-channel.updated", { id: channelId });
    });
  }

  removeFromChannel(channelId: string, locationId: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.cradle.salesChannelService.assertExist([channelId], "sales_channel_id");
      await tx.manager.delete(SalesChannelLocation, { sales_channel_id: channelId, location_id: locationId });
      tx.emit("sales-channel.updated", { id: channelId });
    });
  }

  /** Forgets a deleted channel's links, inside the sales-channel module's write. */
  async dropChannel(channelId: string): Promise<void> {
    await this.unitOfWork.run((tx) => tx.manager.delete(SalesChannelLocation, { sales_channel_id: channelId }));
  }

  /** The links of locations (for `expand=sales_channels`). */
  linksOfLocations(locationIds: string[]): Promise<SalesChannelLocation[]> {
    if (!locationIds.length) return Promise.resolve([]);
    return this.unitOfWork.read((manager) => manager.find(SalesChannelLocation, { where: { location_id: In(locationIds) }, order: { created_at: "ASC", id: "ASC" } }));
  }

  /** Each channel's location links (`{ id, sales_channel_id, location_id }`), for `expand=locations`. */
  linksOfChannels(channelIds: string[]): Promise<SalesChannelLocation[]> {
    if (!channelIds.length) return Promise.resolve([]);
    return this.unitOfWork.read((manager) => manager.find(SalesChannelLocation, { where: { sales_channel_id: In(channelIds) }, order: { created_at: "ASC", id: "ASC" } }));
  }

  /** A subquery of the ids of the locations serving `channelId`, for a caller's `IN (…)`. */
  locationsOfChannel(channelId: string): Sql {
    return sql`SELECT scl."location_id" FROM "sales_channel_location" scl WHERE scl."sales_channel_id" = ${channelId}`;
  }

  /** Refuses (404) a location that does not exist. */
  async assertExist(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const found = await this.unitOfWork.read((manager) => manager.find(StockLocation, { where: { id: In(unique) }, select: { id: true } }));
    const missing = unique.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new NotFoundError(`Stock location with id ${missing.join(", ")} was not found`, "stock_location_not_found");
  }

  /** Names of locations by id (for the inventory module's views). */
  async byIds(ids: string[]): Promise<Map<string, StockLocation>> {
    if (!ids.length) return new Map();
    const rows = await this.unitOfWork.read((manager) => manager.find(StockLocation, { where: { id: In([...new Set(ids)]) } }));
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async withAddresses(manager: EntityManager, rows: StockLocation[]): Promise<StockLocationView[]> {
    const ids = rows.map((r) => r.address_id).filter((id): id is string => !!id);
    const addresses = ids.length ? await manager.find(StockLocationAddress, { where: { id: In(ids) } }) : [];
    return rows.map((r) => locationView(r, addresses.find((a) => a.id === r.address_id)));
  }

  private async saveAddress(manager: EntityManager, current: StockLocationAddress | null, input: LocationAddressInput): Promise<StockLocationAddress> {
    const { metadata, ...fields } = input;
    const address = current ?? manager.create(StockLocationAddress, { metadata: null });
    Object.assign(address, fields, { country_code: (fields.country_code ?? address.country_code).toLowerCase() });
    if (metadata !== undefined) address.metadata = mergeMetadata(address.metadata, metadata);
    return manager.save(StockLocationAddress, address);
  }

  private async requireAddress(manager: EntityManager, id: string): Promise<void> {
    if (!(await manager.existsBy(StockLocationAddress, { id }))) throw new NotFoundError(`Stock location address with id ${id} was not found`, "address_not_found");
  }

  private async load(manager: EntityManager, id: string): Promise<StockLocation> {
    const location = await manager.findOneBy(StockLocation, { id });
    if (!location) throw new NotFoundError(`Stock location with id ${id} was not found`, "stock_location_not_found");
    return location;
  }

  private async locked(manager: EntityManager, id: string): Promise<StockLocation> {
    const location = await lockRow(manager, StockLocation, id);
    if (!location) throw new NotFoundError(`Stock location with id ${id} was not found`, "stock_location_not_found");
    return location;
  }
}
