import { In, type EntityManager, type FindOptionsWhere } from "kiosk";
import { ProductCategory } from "../models/product-category";

/** The store sees active, public categories only; the admin sees them all. */
export type CategoryScope = "store" | "admin";

export function scopeWhere(scope: CategoryScope): FindOptionsWhere<ProductCategory> {
  return scope === "store" ? { is_active: true, is_internal: false } : {};
}

const ORDER = { rank: "ASC", created_at: "ASC", id: "ASC" } as const;

/** Children of the given categories, in rank order, grouped by parent id. */
export async function childrenOf(manager: EntityManager, parentIds: string[], scope: CategoryScope): Promise<Map<string, ProductCategory[]>> {
  const byParent = new Map<string, ProductCategory[]>();
  if (!parentIds.length) return byParent;
  const children = await manager.find(ProductCategory, { where: { parent_category_id: In(parentIds), ...scopeWhere(scope) }, order: ORDER });
  for (const child of children) {
    const siblings = byParent.get(child.parent_category_id!) ?? [];
    siblings.push(child);
    byParent.set(child.parent_category_id!, siblings);
  }
  return byParent;
}

/**
 * Attaches `category_children` to each category: the direct children, or the
 * whole subtree (one query per level) when `deep`.
 */
export async function attachChildren(manager: EntityManager, categories: ProductCategory[], scope: CategoryScope, deep: boolean): Promise<void> {
  let level = categories;
  const seen = new Set(categories.map((c) => c.id));
  while (level.length) {
    const byParent = await childrenOf(manager, level.map((c) => c.id), scope);
    const next: ProductCategory[] = [];
    for (const category of level) {
      category.category_children = (byParent.get(category.id) ?? []).filter((c) => !seen.has(c.id));
      for (const child of category.category_children) seen.add(child.id);
      next.push(...category.category_children);
    }
    if (!deep) break;
    level = next;
  }
}

/** Attaches `parent_category` (null at the root, or when the scope hides the parent). */
export async function attachParents(manager: EntityManager, categories: ProductCategory[], scope: CategoryScope): Promise<void> {
  const parentIds = [...new Set(categories.map((c) => c.parent_category_id).filter((id): id is string => !!id))];
  const parents = parentIds.length
    ? await manager.find(ProductCategory, { where: { id: In(parentIds), ...scopeWhere(scope) } })
    : [];
  const byId = new Map(parents.map((p) => [p.id, p]));
  for (const category of categories) {
    category.parent_category = category.parent_category_id ? (byId.get(category.parent_category_id) ?? null) : null;
  }
}

/** Those of the ids the scope can see. */
export async function visibleCategories(manager: EntityManager, ids: string[], scope: CategoryScope): Promise<string[]> {
  if (scope === "admin") return ids;
  const found = await manager.find(ProductCategory, { where: { id: In(ids), ...scopeWhere(scope) }, select: { id: true } });
  return found.map((c) => c.id);
}

/** The categories and all their descendants within the scope; the roots themselves must be in scope. */
export async function withDescendants(manager: EntityManager, ids: string[], scope: CategoryScope): Promise<string[]> {
  const roots = await manager.find(ProductCategory, { where: { id: In(ids), ...scopeWhere(scope) }, select: { id: true } });
  const all = new Set(roots.map((r) => r.id));
  let level = [...all];
  while (level.length) {
    const children = await manager.find(ProductCategory, {
      where: { parent_category_id: In(level), ...scopeWhere(scope) },
      select: { id: true },
    });
    level = children.map((c) => c.id).filter((id) => !all.has(id));
    for (const id of level) all.add(id);
  }
  return [...all];
}

/** The ids of a category's descendants (any scope): a new parent may not be one of them. */
export async function descendantIds(manager: EntityManager, id: string): Promise<Set<string>> {
  const found = new Set<string>();
  let level = [id];
  while (level.length) {
    const children = await manager.find(ProductCategory, { where: { parent_category_id: In(level) }, select: { id: true } });
    level = children.map((c) => c.id).filter((c) => !found.has(c) && c !== id);
    for (const c of level) found.add(c);
  }
  return found;
}
