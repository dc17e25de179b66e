import { ConflictError, containsPattern, InvalidDataError, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { lockRow } from "kiosk/sql";
import { PublishableApiKey } from "../models/publishable-api-key";
import { PublishableApiKeySalesChannel } from "../models/publishable-api-key-sales-channel";
import { SalesChannel } from "../models/sales-channel";
import { insertLinks } from "../lib/channel-links";
import { KeyCache, type KeyScope } from "../lib/key-cache";

/** How long this process trusts what it read of a key (a revocation elsewhere takes at most this long). */
const KEY_TTL_MS = 5_000;

/**
 * Publishable API keys: made and revoked by admins, linked to sales channels.
 * `scopeOf` answers the store middleware from a short in-memory cache.
 */
export default class PublishableApiKeyService {
  private readonly cache = new KeyCache(KEY_TTL_MS);
  /** The channels each store request carrying a key is limited to (set by the middleware). */
  private readonly requests = new WeakMap<object, string[]>();

  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filters: { q?: string }, page: { offset: number; limit: number }): Promise<[PublishableApiKey[], number]> {
    return this.unitOfWork.read((manager) => {
      const qb = manager.createQueryBuilder(PublishableApiKey, "k");
      if (filters.q) qb.where(`LOWER(k.title) LIKE :q ESCAPE '\\'`, { q: containsPattern(filters.q.toLowerCase()) });
      return qb.orderBy("k.created_at", "DESC").addOrderBy("k.id", "DESC").skip(page.offset).take(page.limit).getManyAndCount();
    });
  }

  retrieve(id: string): Promise<PublishableApiKey> {
    return this.unitOfWork.read((manager) => this.load(manager, id));
  }

  create(title: string, userId: string | null): Promise<PublishableApiKey> {
    return this.unitOfWork.run(async (tx) => {
      const key = tx.manager.create(PublishableApiKey, { title, created_by: userId, revoked_by: null, revoked_at: null });
      await tx.manager.save(PublishableApiKey, key);
      tx.emit("publishable-api-key.created", { id: key.id });
      return key;
    });
  }

  update(id: string, input: { title?: string }): Promise<PublishableApiKey> {
    return this.unitOfWork.run(async (tx) => {
      const key = await this.locked(tx.manager, id);
      if (input.title !== undefined) key.title = input.title;
      return tx.manager.save(PublishableApiKey, key);
    });
  }

  async delete(id: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(PublishableApiKey, { id });
      if (!affected) throw new NotFoundError(`Publishable API key with id ${id} was not found`);
    });
    this.cache.forget(id);
  }

  /** Revokes the key (409 `already_revoked` the second time); requests carrying it are refused from then on. */
  async revoke(id: string, userId: string | null): Promise<PublishableApiKey> {
    const key = await this.unitOfWork.run(async (tx) => {
      const key = await this.locked(tx.manager, id);
      if (key.revoked_at) throw new ConflictError(`Publishable API key ${id} is already revoked`, "already_revoked");
      Object.assign(key, { revoked_at: new Date(), revoked_by: userId });
      await tx.manager.save(PublishableApiKey, key);
      tx.emit("publishable-api-key.revoked", { id });
      return key;
    });
    this.cache.forget(id);
    return key;
  }

  /** The key's live channels, oldest first; `q` filters by name or description. */
  listSalesChannels(id: string, q?: string): Promise<SalesChannel[]> {
    return this.unitOfWork.read(async (manager) => {
      await this.load(manager, id);
      const qb = manager
        .createQueryBuilder(SalesChannel, "c")
        .innerJoin(PublishableApiKeySalesChannel, "l", "l.sales_channel_id = c.id AND l.publishable_key_id = :id", { id })
        .where("c.deleted_at IS NULL");
      if (q) {
        qb.andWhere(`(LOWER(c.name) LIKE :q ESCAPE '\\' OR LOWER(COALESCE(c.description, '')) LIKE :q ESCAPE '\\')`, { q: containsPattern(q.toLowerCase()) });
      }
      return qb.orderBy("c.created_at", "ASC").addOrderBy("c.id", "ASC").getMany();
    });
  }

  async addSalesChannels(id: string, channelIds: string[]): Promise<PublishableApiKey> {
    const key = await this.unitOfWork.run(async (tx) => {
      const key = await this.locked(tx.manager, id);
      await this.cradle.salesChannelService.assertExist(channelIds, "sales_channel_ids");
      const rows = [...new Set(channelIds)].map((sales_channel_id) => ({ publishable_key_id: id, sales_channel_id }));
      await insertLinks(tx.manager, PublishableApiKeySalesChannel, rows);
      return key;
    });
    this.cache.forget(id);
    return key;
  }

  async removeSalesChannels(id: string, channelIds: string[]): Promise<PublishableApiKey> {
    const key = await this.unitOfWork.run(async (tx) => {
      const key = await this.locked(tx.manager, id);
      if (channelIds.length) {
        await tx.manager.createQueryBuilder().delete().from(PublishableApiKeySalesChannel)
          .where("publishable_key_id = :id AND sales_channel_id IN (:...channelIds)", { id, channelIds }).execute();
      }
      return key;
    });
    this.cache.forget(id);
    return key;
  }

  /** Drops a deleted channel from every key; run inside the channel's deletion (which then calls `forgetAll`). */
  async dropChannel(channelId: string): Promise<void> {
    await this.unitOfWork.run((tx) => tx.manager.delete(PublishableApiKeySalesChannel, { sales_channel_id: channelId }));
  }

  forgetAll(): void {
    this.cache.forget();
  }

  /**
   * The channels a store request carrying `key` may see: the key's live
   * channels. An unknown or revoked key is a 400 `invalid_publishable_api_key`.
   */
  async scopeOf(key: string): Promise<string[]> {
    const scope = await this.cache.get(key, () => this.readScope(key));
    if (!scope || scope.revoked) {
      throw new InvalidDataError("The publishable API key is unknown or revoked", { code: "invalid_publishable_api_key" });
    }
    return scope.sales_channel_ids;
  }

  /** Limits a store request to `channelIds` (the middleware, once per request). */
  limitRequest(req: object, channelIds: string[]): void {
    this.requests.set(req, channelIds);
  }

  /** The channels a store request is limited to by its key, or undefined when it carries none. */
  channelsOf(req: object): string[] | undefined {
    return this.requests.get(req);
  }

  private readScope(id: string): Promise<KeyScope | undefined> {
    return this.unitOfWork.read(async (manager) => {
      const key = await manager.findOneBy(PublishableApiKey, { id });
      if (!key) return undefined;
      const rows = await manager
        .createQueryBuilder(PublishableApiKeySalesChannel, "l")
        .innerJoin(SalesChannel, "c", "c.id = l.sales_channel_id AND c.deleted_at IS NULL")
        .select("l.sales_channel_id", "id")
        .where("l.publishable_key_id = :id", { id })
        .orderBy("c.created_at", "ASC")
        .addOrderBy("c.id", "ASC")
        .getRawMany<{ id: string }>();
      return { revoked: !!key.revoked_at, sales_channel_ids: rows.map((r) => r.id) };
    });
  }

  private async load(manager: EntityManager, id: string): Promise<PublishableApiKey> {
    const key = await manager.findOneBy(PublishableApiKey, { id });
    if (!key) throw new NotFoundError(`Publishable API key with id ${id} was not found`);
    return key;
  }

  private async locked(manager: EntityManager, id: string): Promise<PublishableApiKey> {
    const key = await lockRow(manager, PublishableApiKey, id);
    if (!key) throw new NotFoundError(`Publishable API key with id ${id} was not found`);
    return key;
  }
}
