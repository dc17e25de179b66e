import { ConflictError, containsPattern, InvalidDataError, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { insertAll, lockRow } from "kiosk/sql";
import { setCollection } from "../lib/product-batch";
import { ProductCollection } from "../models/product-collection";
import { slugify } from "../lib/slug";

export interface CollectionInput {
  title: string;
  handle?: string;
  metadata?: Record<string, unknown> | null;
}

export interface CollectionFilters {
  q?: string;
  handle?: string[];
  id?: string[];
}

/** Product collections: a title and a unique handle. Deleting one leaves its products without a collection. */
export default class ProductCollectionService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  list(filters: CollectionFilters, page: { offset: number; limit: number }): Promise<[ProductCollection[], number]> {
    return this.unitOfWork.read((manager) => {
      const qb = manager.createQueryBuilder(ProductCollection, "c");
      if (filters.q) qb.andWhere(`(LOWER(c.title) LIKE :q ESCAPE '\\' OR LOWER(c.handle) LIKE :q ESCAPE '\\')`, { q: containsPattern(filters.q.toLowerCase()) });
      if (filters.handle) qb.andWhere("c.handle IN (:...handles)", { handles: filters.handle });
      if (filters.id) qb.andWhere("c.id IN (:...ids)", { ids: filters.id });
      return qb.orderBy("c.created_at", "DESC").addOrderBy("c.id", "DESC").skip(page.offset).take(page.limit).getManyAndCount();
    });
  }

  retrieve(id: string): Promise<ProductCollection> {
    return this.unitOfWork.read((manager) => this.load(manager, id));
  }

  create(input: CollectionInput): Promise<ProductCollection> {
    return this.unitOfWork.run(async (tx) => {
      const handle = await this.freeHandle(tx.manager, input.handle ?? slugify(input.title));
      const collection = tx.manager.create(ProductCollection, { metadata: null, ...input, handle });
      await insertAll(tx.manager, ProductCollection, [collection]);
      tx.emit("product-collection.created", { id: collection.id });
      return this.load(tx.manager, collection.id);
    });
  }

  update(id: string, input: Partial<CollectionInput>): Promise<ProductCollection> {
    return this.unitOfWork.run(async (tx) => {
      const collection = await this.load(tx.manager, id);
      if (input.handle && input.handle !== collection.handle) await this.freeHandle(tx.manager, input.handle);
      await tx.manager.save(Object.assign(collection, input));
      tx.emit("product-collection.updated", { id });
      return this.load(tx.manager, id);
    });
  }

  /**
   * Puts products in the collection (`add`: unknown ids are a 400) or takes them
   * out (ids not in it are left alone); each product that changed raises
   * `product.updated`. Answers the ids that changed.
   */
  batchProducts(id: string, productIds: string[], add: boolean): Promise<string[]> {
    return this.unitOfWork.run(async (tx) => {
      // Locked: the collection cannot be deleted while products are put in it.
      if (!(await lockRow(tx.manager, ProductCollection, id))) throw new NotFoundError(`Product collection with id ${id} was not found`);
      const changed = add ? await setCollection(tx.manager, id, productIds) : await setCollection(tx.manager, null, productIds, id);
      for (const productId of changed) tx.emit("product.updated", { id: productId, fields: ["collection_id"] });
      return changed;
    });
  }

  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(ProductCollection, { id });
      if (!affected) throw new NotFoundError(`Product collection with id ${id} was not found`);
      tx.emit("product-collection.deleted", { id });
    });
  }

  private async load(manager: EntityManager, id: string): Promise<ProductCollection> {
    const collection = await manager.findOneBy(ProductCollection, { id });
    if (!collection) throw new NotFoundError(`Product collection with id ${id} was not found`);
    return collection;
  }

  private async freeHandle(manager: EntityManager, handle: string): Promise<string> {
    if (!handle) throw new InvalidDataError("handle: cannot be derived from the title; give one", { field: "handle" });
    if (await manager.existsBy(ProductCollection, { handle })) {
      throw new ConflictError(`A collection with the handle ${handle} already exists`, "duplicate_error");
    }
    return handle;
  }
}
