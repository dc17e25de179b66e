import { type KioskServices, type UnitOfWork } from "kiosk";
import type { Product } from "../models/product";
import { ProductOption } from "../models/product-option";
import { loadProduct } from "../lib/product-loader";
import { addDefaultValues, assertFreeTitle, assertRemovable, lockProduct, requireOption } from "../lib/product-options";
import type { ProductSelection } from "../lib/product-relations";

/**
 * A product's options after it is created: add (each variant gets `Default
 * Value`), rename, remove (when no variants would become duplicates). Each write
 * locks the product, answers it and raises `product.updated`.
 */
export default class ProductOptionService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  add(productId: string, title: string, selection: ProductSelection): Promise<Product> {
    return this.unitOfWork.run(async (tx) => {
      const { manager } = tx;
      await lockProduct(manager, productId);
      await assertFreeTitle(manager, productId, title);
      const option = manager.create(ProductOption, { title, product_id: productId, metadata: null });
      await manager.insert(ProductOption, option as never);
      await addDefaultValues(manager, productId, option.id);
      tx.emit("product.updated", { id: productId, fields: ["options"] });
      return (await loadProduct(manager, productId, selection))!;
    });
  }

  update(productId: string, optionId: string, title: string, selection: ProductSelection): Promise<Product> {
    return this.unitOfWork.run(async (tx) => {
      const { manager } = tx;
      await lockProduct(manager, productId);
      await requireOption(manager, productId, optionId);
      await assertFreeTitle(manager, productId, title, optionId);
      await manager.update(ProductOption, { id: optionId }, { title, updated_at: new Date() });
      tx.emit("product.updated", { id: productId, fields: ["options"] });
      return (await loadProduct(manager, productId, selection))!;
    });
  }

  /** Removes the option with its values; answers the product. */
  delete(productId: string, optionId: string, selection: ProductSelection): Promise<Product> {
    return this.unitOfWork.run(async (tx) => {
      const { manager } = tx;
      await lockProduct(manager, productId);
      await requireOption(manager, productId, optionId);
      await assertRemovable(manager, optionId);
      await manager.delete(ProductOption, { id: optionId });
      tx.emit("product.updated", { id: productId, fields: ["options"] });
      return (await loadProduct(manager, productId, selection))!;
    });
  }
}
