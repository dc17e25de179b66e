import { ConflictError, containsPattern, InvalidDataError, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { insertAll, lockRow } from "kiosk/sql";
import { linkCategory, unlinkCategory } from "../lib/product-batch";
import { ProductCategory } from "../models/product-category";
import { attachChildren, attachParents, descendantIds, scopeWhere, type CategoryScope } from "../lib/category-tree";
import { closeRank, openRank, siblingCount } from "../lib/category-rank";
import { slugify } from "../lib/slug";

export interface CategoryInput {
  name: string;
  handle?: string;
  description?: string;
  is_active?: boolean;
  is_internal?: boolean;
  parent_category_id?: string | null;
  rank?: number;
  metadata?: Record<string, unknown> | null;
}

export interface CategoryFilters {
  q?: string;
  handle?: string;
  id?: string[];
  /** `null`: top-level categories only. */
  parent_category_id?: string | null;
  is_active?: boolean;
  is_internal?: boolean;
}

/** How a category is shown: to whom, and with its whole subtree or its direct children. */
export interface CategoryView {
  scope: CategoryScope;
  include_descendants_tree?: boolean;
}

/** The category tree: each category has a parent (or none), ranked children and products. */
export default class ProductCategoryService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  list(filters: CategoryFilters, page: { offset: number; limit: number }, view: CategoryView): Promise<[ProductCategory[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const qb = manager.createQueryBuilder(ProductCategory, "c").where(scopeWhere(view.scope));
      if (filters.q) qb.andWhere(`(LOWER(c.name) LIKE :q ESCAPE '\\' OR LOWER(c.handle) LIKE :q ESCAPE '\\')`, { q: containsPattern(filters.q.toLowerCase()) });
      if (filters.handle !== undefined) qb.andWhere("c.handle = :handle", { handle: filters.handle });
      if (filters.id) qb.andWhere("c.id IN (:...ids)", { ids: filters.id });
      if (filters.parent_category_id === null) qb.andWhere("c.parent_category_id IS NULL");
      else if (filters.parent_category_id !== undefined) qb.andWhere("c.parent_category_id = :parent", { parent: filters.parent_category_id });
      if (filters.is_active !== undefined) qb.andWhere("c.is_active = :active", { active: filters.is_active });
      if (filters.is_internal !== undefined) qb.andWhere("c.is_internal = :internal", { internal: filters.is_internal });
      const [categories, count] = await qb
        .orderBy("c.rank", "ASC")
        .addOrderBy("c.created_at", "ASC")
        .addOrderBy("c.id", "ASC")
        .skip(page.offset)
        .take(page.limit)
        .getManyAndCount();
      await this.decorate(manager, categories, view);
      return [categories, count];
    });
  }

  retrieve(id: string, view: CategoryView): Promise<ProductCategory> {
    return this.unitOfWork.read((manager) => this.load(manager, id, view));
  }

  create(input: CategoryInput): Promise<ProductCategory> {
    return this.unitOfWork.run(async (tx) => {
      const { manager } = tx;
      const handle = await this.freeHandle(manager, input.handle ?? slugify(input.name));
      const parentId = input.parent_category_id ?? null;
      if (parentId) await this.requireCategory(manager, parentId, "parent_category_id");
      const count = await siblingCount(manager, parentId);
      const rank = Math.min(input.rank ?? count, count);
      await openRank(manager, parentId, rank);
      const category = manager.create(ProductCategory, {
        description: "",
        metadata: null,
        ...input,
        handle,
        parent_category_id: parentId,
        rank,
        is_active: input.is_active ?? false,
        is_internal: input.is_internal ?? false,
      });
      await insertAll(manager, ProductCategory, [category]);
      tx.emit("product-category.created", { id: category.id });
      return this.load(manager, category.id, { scope: "admin" });
    });
  }

  update(id: string, input: Partial<CategoryInput>): Promise<ProductCategory> {
    return this.unitOfWork.run(async (tx) => {
      const { manager } = tx;
      const category = await this.requireCategory(manager, id, "id");
      if (input.handle && input.handle !== category.handle) await this.freeHandle(manager, input.handle);
      const { parent_category_id: newParent, rank, ...fields } = input;
      const parentId = newParent === undefined ? category.parent_category_id : newParent;
      if (parentId && parentId !== category.parent_category_id) {
        if (parentId === id || (await descendantIds(manager, id)).has(parentId)) {
          throw new InvalidDataError("parent_category_id: a category cannot move under itself or its descendants", { field: "parent_category_id" });
        }
        await this.requireCategory(manager, parentId, "parent_category_id");
      }
      if (parentId !== category.parent_category_id || (rank !== undefined && rank !== category.rank)) {
        await closeRank(manager, category.parent_category_id, category.rank);
        category.rank = -1; // out of the way while the siblings shift
        await manager.save(category);
        const count = (await siblingCount(manager, parentId)) - (parentId === category.parent_category_id ? 1 : 0);
        const at = Math.min(rank ?? count, count);
        await openRank(manager, parentId, at);
        category.rank = at;
        category.parent_category_id = parentId;
      }
      await manager.save(Object.assign(category, fields));
      tx.emit("product-category.updated", { id });
      return this.load(manager, id, { scope: "admin" });
    });
  }

  /** Links (`add`) or unlinks products in a batch; each product whose categories changed raises `product.updated`. */
  batchProducts(id: string, productIds: string[], add: boolean): Promise<ProductCategory> {
    return this.unitOfWork.run(async (tx) => {
      // Locked: the category cannot be deleted while its links are written.
      if (!(await lockRow(tx.manager, ProductCategory, id))) throw new NotFoundError(`Product category with id ${id} was not found`);
      const changed = add ? await linkCategory(tx.manager, id, productIds) : await unlinkCategory(tx.manager, id, productIds);
      for (const productId of changed) tx.emit("product.updated", { id: productId, fields: ["categories"] });
      return this.load(tx.manager, id, { scope: "admin" });
    });
  }

  /** Deletes a leaf category (one with children is a 409); its products stay, unlinked. */
  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const category = await this.requireCategory(tx.manager, id, "id");
      if (await tx.manager.existsBy(ProductCategory, { parent_category_id: id })) {
        throw new ConflictError(`Product category ${id} has child categories; delete or move them first`, "category_has_children");
      }
      await tx.manager.delete(ProductCategory, { id });
      await closeRank(tx.manager, category.parent_category_id, category.rank);
      tx.emit("product-category.deleted", { id });
    });
  }

  private async load(manager: EntityManager, id: string, view: CategoryView): Promise<ProductCategory> {
    const category = await manager.findOneBy(ProductCategory, { id, ...scopeWhere(view.scope) });
    if (!category) throw new NotFoundError(`Product category with id ${id} was not found`);
    await this.decorate(manager, [category], view);
    return category;
  }

  private async decorate(manager: EntityManager, categories: ProductCategory[], view: CategoryView): Promise<void> {
    await attachParents(manager, categories, view.scope);
    await attachChildren(manager, categories, view.scope, !!view.include_descendants_tree);
  }

  private async requireCategory(manager: EntityManager, id: string, field: string): Promise<ProductCategory> {
    const category = await manager.findOneBy(ProductCategory, { id });
    if (category) return category;
    if (field === "id") throw new NotFoundError(`Product category with id ${id} was not found`);
    throw new InvalidDataError(`${field}: category ${id} was not found`, { code: "invalid_reference", field });
  }

  private async freeHandle(manager: EntityManager, handle: string): Promise<string> {
    if (!handle) throw new InvalidDataError("handle: cannot be derived from the name; give one", { field: "handle" });
    if (await manager.existsBy(ProductCategory, { handle })) {
      throw new ConflictError(`A category with the handle ${handle} already exists`, "duplicate_error");
    }
    return handle;
  }
}
