import { containsPattern, type KioskServices, type UnitOfWork } from "kiosk";
import { runSql, sql } from "kiosk/sql";
import { ProductTag } from "../models/product-tag";

export interface TagFilters {
  q?: string;
  value?: string[];
  id?: string[];
}

/** A tag with the number of products that carry it. */
export interface TagUsage {
  id: string;
  value: string;
  usage_count: number;
}

/** Product tags; they are created and attached through products. */
export default class ProductTagService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  list(filters: TagFilters, page: { offset: number; limit: number }): Promise<[ProductTag[], number]> {
    return this.unitOfWork.read((manager) => {
      const qb = manager.createQueryBuilder(ProductTag, "t");
      if (filters.q) qb.andWhere(`LOWER(t.value) LIKE :q ESCAPE '\\'`, { q: containsPattern(filters.q.toLowerCase()) });
      if (filters.value) qb.andWhere("t.value IN (:...values)", { values: filters.value });
      if (filters.id) qb.andWhere("t.id IN (:...ids)", { ids: filters.id });
      return qb.orderBy("t.value", "ASC").addOrderBy("t.id", "ASC").skip(page.offset).take(page.limit).getManyAndCount();
    });
  }

  /** The `take` most used tags (Medusa's `listTagsByUsage`), most used first, then by value. */
  listByUsage(take = 10): Promise<TagUsage[]> {
    return this.unitOfWork.read(async (manager) => {
      const rows = await runSql<{ id: string; value: string; usage_count: unknown }>(
        manager,
        sql`SELECT t."id", t."value", COUNT(pt."product_id") AS "usage_count" FROM "product_tag" t
            LEFT JOIN "product_tags" pt ON pt."product_tag_id" = t."id"
            GROUP BY t."id", t."value" ORDER BY "usage_count" DESC, t."value" ASC, t."id" ASC LIMIT ${take}`,
      );
      return rows.map((r) => ({ id: r.id, value: r.value, usage_count: Number(r.usage_count) }));
    });
  }
}
