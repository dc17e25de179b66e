import { containsPattern, IsNull, type KioskServices, type UnitOfWork } from "kiosk";
import { ProductType } from "../models/product-type";

export interface TypeFilters {
  q?: string;
  value?: string[];
  id?: string[];
}

/** Product types (live ones only); they are made through products (`type: { value }`). */
export default class ProductTypeService {
  private readonly unitOfWork: UnitOfWork;

  constructor({ unitOfWork }: KioskServices) {
    this.unitOfWork = unitOfWork;
  }

  /** A page of types, newest first (Medusa's default order). */
  list(filters: TypeFilters, page: { offset: number; limit: number }): Promise<[ProductType[], number]> {
    return this.unitOfWork.read((manager) => {
      const qb = manager.createQueryBuilder(ProductType, "t").where("t.deleted_at IS NULL");
      if (filters.q) qb.andWhere(`LOWER(t.value) LIKE :q ESCAPE '\\'`, { q: containsPattern(filters.q.toLowerCase()) });
      if (filters.value) qb.andWhere("t.value IN (:...values)", { values: filters.value });
      if (filters.id) qb.andWhere("t.id IN (:...ids)", { ids: filters.id });
      return qb.orderBy("t.created_at", "DESC").addOrderBy("t.id", "DESC").skip(page.offset).take(page.limit).getManyAndCount();
    });
  }

  /** Every live type, as Medusa's `productService.listTypes` answers `GET /admin/products/types`. */
  listAll(): Promise<ProductType[]> {
    return this.unitOfWork.read((manager) => manager.find(ProductType, { where: { deleted_at: IsNull() }, order: { value: "ASC", id: "ASC" } }));
  }
}
