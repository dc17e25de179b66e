import { InvalidDataError, mergeMetadata, NotFoundError, UnprocessableError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { JsonBatch, lockRow, sql, type Sql } from "kiosk/sql";
import { groupBy } from "kiosk/internal";
import { ProductSalesChannel } from "../models/product-sales-channel";
import { SalesChannel } from "../models/sales-channel";
import { insertLinks } from "../lib/channel-links";
import { selectChannelPage, type ChannelFilters, type ChannelPage } from "../lib/channel-list-query";

export interface SalesChannelInput {
  name?: string;
  description?: string | null;
  is_disabled?: boolean;
  metadata?: Record<string, unknown> | null;
}

/**
 * Sales channels (soft-deleted) and the products sold in each. Other modules
 * ask it: the product module links products (`setProductChannels`,
 * `joinDefault`), filters by channel (`productsIn`) and shows a product's
 * channels (`channelsOfProducts`); the cart module checks a cart's channel
 * (`channelForCart`, `assertProductsIn`).
 */
export default class SalesChannelService {
  private defaultId: string | undefined;

  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filters: ChannelFilters, page: ChannelPage): Promise<[SalesChannel[], number]> {
    return this.unitOfWork.read((manager) => selectChannelPage(manager, filters, page));
  }

  retrieve(id: string): Promise<SalesChannel> {
    return this.unitOfWork.read((manager) => this.load(manager, id));
  }

  /** The default channel (made by the migration). */
  retrieveDefault(): Promise<SalesChannel> {
    return this.unitOfWork.read(async (manager) => {
      const found = await manager.findOne(SalesChannel, { where: { is_default: true }, order: { created_at: "ASC", id: "ASC" } });
      if (!found) throw new NotFoundError("The default sales channel was not found", "sales_channel_not_found");
      return found;
    });
  }

  create(input: SalesChannelInput & { name: string }): Promise<SalesChannel> {
    return this.unitOfWork.run(async (tx) => {
      const channel = tx.manager.create(SalesChannel, {
        name: input.name,
        description: input.description ?? null,
        is_disabled: input.is_disabled ?? false,
        is_default: false,
        metadata: input.metadata ?? null,
        deleted_at: null,
      });
      await tx.manager.save(SalesChannel, channel);
      tx.emit("sales-channel.created", { id: channel.id });
      return channel;
    });
  }

  update(id: string, input: SalesChannelInput): Promise<SalesChannel> {
    return this.unitOfWork.run(async (tx) => {
      const channel = await this.locked(tx.manager, id);
      const { metadata, ...fields } = input;
      Object.assign(channel, fields, { metadata: mergeMetadata(channel.metadata, metadata) });
      await tx.manager.save(SalesChannel, channel);
      tx.emit("sales-channel.updated", { id });
      return channel;
    });
  }

  /** Sets `deleted_at` and drops the channel's product, key and stock location links; the default channel cannot be deleted. */
  async delete(id: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const channel = await this.locked(tx.manager, id);
      if (channel.is_default) throw new UnprocessableError("You cannot delete the default sales channel", "default_sales_channel");
      channel.deleted_at = new Date();
      await tx.manager.save(SalesChannel, channel);
      await tx.manager.delete(ProductSalesChannel, { sales_channel_id: id });
      await this.cradle.publishableApiKeyService.dropChannel(id);
      await this.cradle.stockLocationService.dropChannel(id);
      tx.emit("sales-channel.deleted", { id });
    });
    this.cradle.publishableApiKeyService.forgetAll();
  }

  /** Adds products (checked by the product module; missing ones are a 404) to the channel. */
  addProducts(id: string, productIds: string[]): Promise<SalesChannel> {
    return this.unitOfWork.run(async (tx) => {
      const channel = await this.locked(tx.manager, id);
      await this.cradle.productService.assertExist(productIds);
      await insertLinks(tx.manager, ProductSalesChannel, [...new Set(productIds)].map((product_id) => ({ product_id, sales_channel_id: id })));
      tx.emit("sales-channel.updated", { id });
      return channel;
    });
  }

  removeProducts(id: string, productIds: string[]): Promise<SalesChannel> {
    return this.unitOfWork.run(async (tx) => {
      const channel = await this.locked(tx.manager, id);
      if (productIds.length) {
        await tx.manager.createQueryBuilder().delete().from(ProductSalesChannel)
          .where("sales_channel_id = :id AND product_id IN (:...productIds)", { id, productIds }).execute();
      }
      tx.emit("sales-channel.updated", { id });
      return channel;
    });
  }

  /** Live channels among `ids`, each checked (a missing or deleted one is a 400 naming `field`). */
  async assertExist(ids: string[], field = "sales_channels"): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const found = await this.unitOfWork.read((manager) =>
      manager.createQueryBuilder(SalesChannel, "c").select("c.id", "id").where("c.id IN (:...ids) AND c.deleted_at IS NULL", { ids: unique }).getRawMany<{ id: string }>(),
    );
    const missing = unique.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new InvalidDataError(`${field}: sales channel ${missing.join(", ")} was not found`, { code: "sales_channel_not_found", field });
  }

  /** Replaces a product's channels; run inside the product module's write. */
  async setProductChannels(productId: string, channelIds: string[]): Promise<void> {
    await this.assertExist(channelIds);
    await this.unitOfWork.run(async (tx) => {
      await tx.manager.delete(ProductSalesChannel, { product_id: productId });
      await insertLinks(tx.manager, ProductSalesChannel, [...new Set(channelIds)].map((sales_channel_id) => ({ product_id: productId, sales_channel_id })));
    });
  }

  /** Puts new products in the default channel (Medusa v1 with sales channels on); run inside the product module's write. */
  async joinDefault(productIds: string[]): Promise<void> {
    const channel = await this.retrieveDefault();
    await this.unitOfWork.run((tx) =>
      insertLinks(tx.manager, ProductSalesChannel, productIds.map((product_id) => ({ product_id, sales_channel_id: channel.id }))),
    );
  }

  /** Forgets a deleted product's links (the `product.deleted` subscriber). */
  async dropProduct(productId: string): Promise<void> {
    await this.unitOfWork.run((tx) => tx.manager.delete(ProductSalesChannel, { product_id: productId }));
  }

  /** A subquery of the ids of the products sold in any of `channelIds`, for a caller's `IN (…)`. */
  productsIn(channelIds: string[]): Sql {
    if (!channelIds.length) return sql`SELECT NULL WHERE 1 = 0`;
    return sql`SELECT psc."product_id" FROM "product_sales_channel" psc WHERE ${sql.in(sql`psc."sales_channel_id"`, channelIds)}`;
  }

  /** Each product's live channels (by name, then id), in one statement. */
  channelsOfProducts(productIds: string[]): Promise<Map<string, SalesChannel[]>> {
    if (!productIds.length) return Promise.resolve(new Map());
    return this.unitOfWork.read(async (manager) => {
      const batch = new JsonBatch(manager);
      const ids = sql.list(productIds);
      const links = batch.plain<{ product_id: string; sales_channel_id: string }>("product_sales_channel", ["product_id", "sales_channel_id"], sql`t."product_id" IN (${ids})`);
      const channels = batch.rows<SalesChannel>(
        SalesChannel,
        sql`t."deleted_at" IS NULL AND t."id" IN (SELECT l."sales_channel_id" FROM "product_sales_channel" l WHERE l."product_id" IN (${ids}))`,
      );
      await batch.run();
      const byId = new Map(channels.rows.map((c) => [c.id, c]));
      const out = new Map<string, SalesChannel[]>();
      for (const [productId, rows] of groupBy(links.rows, (l) => l.product_id)) {
        const list = rows.map((l) => byId.get(l.sales_channel_id)).filter((c): c is SalesChannel => !!c);
        out.set(productId, list.sort((a, b) => (a.created_at.getTime() - b.created_at.getTime()) || (a.id < b.id ? -1 : 1)));
      }
      return out;
    });
  }

  /**
   * The channel a cart goes to: the one asked for (checked: live, and one of
   * `allowed` when a publishable key limits the request), else the key's first
   * channel, else the default channel.
   */
  async channelForCart(requested: string | undefined, allowed?: string[]): Promise<string> {
    if (requested) {
      if (allowed && !allowed.includes(requested)) {
        throw new InvalidDataError(`sales_channel_id: the publishable key does not give access to sales channel ${requested}`, {
          code: "sales_channel_not_allowed",
          field: "sales_channel_id",
        });
      }
      await this.assertExist([requested], "sales_channel_id");
      return requested;
    }
    if (allowed?.length) return allowed[0];
    // The default channel is made by the migration and can be neither deleted nor replaced: read once per process.
    this.defaultId ??= (await this.retrieveDefault()).id;
    return this.defaultId;
  }

  /** Refuses (400 `product_not_in_sales_channel`) products not sold in the channel. */
  async assertProductsIn(channelId: string, productIds: string[]): Promise<void> {
    const unique = [...new Set(productIds)];
    if (!unique.length) return;
    const found = await this.unitOfWork.read((manager) =>
      manager.find(ProductSalesChannel, { where: unique.map((product_id) => ({ product_id, sales_channel_id: channelId })) }),
    );
    const missing = unique.filter((id) => !found.some((f) => f.product_id === id));
    if (missing.length) {
      throw new InvalidDataError(`The product ${missing.join(", ")} is not available in the cart's sales channel`, {
        code: "product_not_in_sales_channel",
      });
    }
  }

  private async load(manager: EntityManager, id: string): Promise<SalesChannel> {
    const channel = await manager.findOneBy(SalesChannel, { id });
    if (!channel || channel.deleted_at) throw new NotFoundError(`Sales channel with id ${id} was not found`);
    return channel;
  }

  private async locked(manager: EntityManager, id: string): Promise<SalesChannel> {
    const channel = await lockRow(manager, SalesChannel, id);
    if (!channel || channel.deleted_at) throw new NotFoundError(`Sales channel with id ${id} was not found`);
    return channel;
  }
}
