import { containsPattern, type KioskServices, type UnitOfWork } from "kiosk";
import { ProductTag } from "../models/product-tag";

export interface TagFilters {
  q?: string;
  value?: string[];
  id?: string[];
}

/** Product tags; they are created and attached through products. */
export default class ProductTagService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  list(filters: TagFilters, page: { offset: number; limit: number }): Promise<[ProductTag[], number]> {
    return this.unitOfWork.run((tx) => {
      const qb = tx.manager.createQueryBuilder(ProductTag, "t");
      if (filters.q) qb.andWhere(`LOWER(t.value) LIKE :q ESCAPE '\\'`, { q: containsPattern(filters.q.toLowerCase()) });
      if (filters.value) qb.andWhere("t.value IN (:...values)", { values: filters.value });
      if (filters.id) qb.andWhere("t.id IN (:...ids)", { ids: filters.id });
      return qb.orderBy("t.value", "ASC").addOrderBy("t.id", "ASC").skip(page.offset).take(page.limit).getManyAndCount();
    });
  }
}
