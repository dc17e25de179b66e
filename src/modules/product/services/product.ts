import { ConflictError, customFieldFilters, In, InvalidDataError, mergeMetadata, NotFoundError, type EntityManager, type KioskServices, type UnitOfWork } from "kiosk";
import { insertAll } from "kiosk/sql";
import { Product, type ProductStatus } from "../models/product";
import { ProductOption } from "../models/product-option";
import { visibleCategories, withDescendants, type CategoryScope } from "../lib/category-tree";
import { orderedIds } from "../lib/ordered-ids";
import { priceRegionIds, resolvePrices } from "../lib/price-input";
import type { CreateProductInput, ProductLinks, UpdateProductInput } from "../lib/product-inputs";
import { assertCollection, categoryIds, lockCategories, replaceImages, replaceLinks, tagIds, typeId } from "../lib/product-links";
import { selectProductPage, type ProductFilters, type ProductPage } from "../lib/product-list-query";
import { loadProduct, loadProducts } from "../lib/product-loader";
import { ADMIN_PRODUCT_RELATIONS, type ProductSelection } from "../lib/product-relations";
import { insertVariants } from "../lib/variant-writer";
import { slugify } from "../lib/slug";

/** List filters as the routes give them: categories may widen to their children. */
export interface ProductListFilters extends Omit<ProductFilters, "category_id" | "in"> {
  category_id?: string[];
  sales_channel_id?: string[];
  include_category_children?: boolean;
}

interface ResolvedLinks {
  images?: string[];
  tagIds?: string[];
  categoryIds?: string[];
}

/** Who is asking: the store sees published products and public categories only. */
export interface ProductScope {
  statuses?: ProductStatus[];
  categories: CategoryScope;
  /** Only products sold in one of these channels (a store request's publishable key). */
  salesChannelIds?: string[];
}

const ALL: ProductScope = { categories: "admin" };

/** What a storefront sees. */
export const STORE_SCOPE: ProductScope = { statuses: ["published"], categories: "store" };

/** Products: list and retrieve (batched loading), create with everything in one transaction, update, delete. */
export default class ProductService {
  constructor(private readonly cradle: KioskServices) {}

  private get unitOfWork(): UnitOfWork {
    return this.cradle.unitOfWork;
  }

  list(filters: ProductListFilters, page: ProductPage, selection: ProductSelection, scope: ProductScope = ALL): Promise<[Product[], number]> {
    return this.unitOfWork.read(async (manager) => {
      const { include_category_children, category_id, sales_channel_id, ...rest } = filters;
      const where: ProductFilters = { ...rest, custom: customFieldFilters("product", filters), in: this.channelFilters(sales_channel_id, scope) };
      if (scope.statuses) where.status = rest.status ? rest.status.filter((s) => scope.statuses!.includes(s)) : scope.statuses;
      if (category_id) {
        where.category_id = await this.categoryFilter(manager, category_id, scope.categories, !!include_category_children);
      }
      const { rows, count } = await selectProductPage(manager, where, page);
      return [await this.withChannels(await loadProducts(manager, rows, selection, scope.categories), selection), count];
    });
  }

  /** A product by id; one the scope may not see is a 404 too. */
  retrieve(id: string, selection: ProductSelection, scope: ProductScope = ALL): Promise<Product> {
    return this.unitOfWork.read((manager) => this.load(manager, id, selection, scope));
  }

  async create(input: CreateProductInput): Promise<Product> {
    const { options = [], variants = [], images, tags, categories, type, sales_channels, ...fields } = input;
    const titles = options.map((o) => o.title);
    if (new Set(titles).size !== titles.length) {
      throw new InvalidDataError("options: two options have the same title", { field: "options" });
    }
    // Regions belong to another module: looked up before the transaction begins.
    const currencies = await this.cradle.priceSelectionService.regionCurrencies(priceRegionIds(variants.map((v) => v.prices)));
    const newVariants = variants.map((v, i) => ({ ...v, prices: resolvePrices(v.prices ?? [], currencies, `variants.${i}.prices`) }));
    return this.unitOfWork.run(async (tx) => {
      const { manager } = tx;
      const handle = await this.freeHandle(manager, fields.handle ?? slugify(fields.title));
      await assertCollection(manager, fields.collection_id);
      const links = await this.resolveLinks(manager, { images, tags, categories });
      const isGiftcard = input.is_giftcard ?? false;
      const product = manager.create(Product, {
        ...fields,
        handle,
        is_giftcard: isGiftcard,
        discountable: isGiftcard ? false : (fields.discountable ?? true),
        status: fields.status ?? "draft",
        thumbnail: fields.thumbnail ?? images?.[0] ?? null,
        collection_id: fields.collection_id ?? null,
        type_id: await typeId(manager, type ?? null),
      });
      await insertAll(manager, Product, [product]);

      const optionIds = orderedIds(ProductOption.idPrefix, options.length);
      const optionRows = options.map((o, i) =>
        manager.create(ProductOption, { id: optionIds[i], title: o.title, product_id: product.id, metadata: null }),
      );
      await insertAll(manager, ProductOption, optionRows);
      const created = await insertVariants(manager, product.id, optionRows, newVariants, 0);
      await this.writeLinks(manager, product.id, links);
      const channels = this.cradle.salesChannelService;
      if (sales_channels) await channels.setProductChannels(product.id, sales_channels.map((c) => c.id));
      else await channels.joinDefault([product.id]);

      tx.emit("product.created", { id: product.id });
      for (const v of created) tx.emit("product-variant.created", { id: v.id, product_id: product.id });
      return this.load(manager, product.id, { relations: new Set(ADMIN_PRODUCT_RELATIONS) }, ALL);
    });
  }

  update(id: string, input: UpdateProductInput, selection: ProductSelection): Promise<Product> {
    const { images, tags, categories, type, metadata, sales_channels, ...fields } = input;
    return this.unitOfWork.run(async (tx) => {
      const { manager } = tx;
      const product = await manager.findOneBy(Product, { id });
      if (!product) throw new NotFoundError(`Product with id ${id} was not found`);
      if (fields.handle && fields.handle !== product.handle) await this.freeHandle(manager, fields.handle);
      await assertCollection(manager, fields.collection_id);
      const links = await this.resolveLinks(manager, { images, tags, categories });
      if (links.categoryIds) await lockCategories(manager, links.categoryIds);
      Object.assign(product, fields);
      if (type !== undefined) product.type_id = await typeId(manager, type);
      product.metadata = mergeMetadata(product.metadata, metadata);
      if (images && fields.thumbnail === undefined && !product.thumbnail) product.thumbnail = images[0] ?? null;
      product.updated_at = new Date(); // also when only its tags, categories or images change
      await manager.save(product);
      await this.writeLinks(manager, id, links);
      if (sales_channels) await this.cradle.salesChannelService.setProductChannels(id, sales_channels.map((c) => c.id));
      tx.emit("product.updated", { id, fields: Object.keys(input) });
      return this.load(manager, id, selection, ALL);
    });
  }

  delete(id: string): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      const { affected } = await tx.manager.delete(Product, { id });
      if (!affected) throw new NotFoundError(`Product with id ${id} was not found`);
      tx.emit("product.deleted", { id });
    });
  }

  /** Refuses (404) ids that are not products. */
  async assertExist(ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const found = await this.unitOfWork.read((manager) => manager.find(Product, { select: { id: true }, where: { id: In(unique) } }));
    const missing = unique.filter((id) => !found.some((p) => p.id === id));
    if (missing.length) throw new NotFoundError(`Product with id ${missing.join(", ")} was not found`);
  }

  private async load(manager: EntityManager, id: string, selection: ProductSelection, scope: ProductScope): Promise<Product> {
    const inChannels = scope.salesChannelIds && this.cradle.salesChannelService.productsIn(scope.salesChannelIds);
    const product = await loadProduct(manager, id, selection, { ...scope, in: inChannels });
    if (!product) throw new NotFoundError(`Product with id ${id} was not found`);
    return (await this.withChannels([product], selection))[0];
  }

  /** The sales-channel filters of a list: the `sales_channel_id` asked for and the request key's channels. */
  private channelFilters(requested: string[] | undefined, scope: ProductScope) {
    const service = this.cradle.salesChannelService;
    return [requested, scope.salesChannelIds].filter((ids): ids is string[] => !!ids).map((ids) => service.productsIn(ids));
  }

  /** Hangs each product's channels on it when `sales_channels` is expanded. */
  private async withChannels(products: Product[], selection: ProductSelection): Promise<Product[]> {
    if (!selection.relations.has("sales_channels") || !products.length) return products;
    const byProduct = await this.cradle.salesChannelService.channelsOfProducts(products.map((p) => p.id));
    for (const product of products) product.sales_channels = byProduct.get(product.id) ?? [];
    return products;
  }

  private async categoryFilter(manager: EntityManager, ids: string[], scope: CategoryScope, children: boolean): Promise<string[]> {
    return children ? withDescendants(manager, ids, scope) : visibleCategories(manager, ids, scope);
  }

  /** The handle, refused with a 409 when another product has it. */
  private async freeHandle(manager: EntityManager, handle: string): Promise<string> {
    if (!handle) throw new InvalidDataError("handle: cannot be derived from the title; give one", { field: "handle" });
    if (await manager.existsBy(Product, { handle })) {
      throw new ConflictError(`A product with the handle ${handle} already exists`, "duplicate_error");
    }
    return handle;
  }

  /** Checks the tags and categories a request names (creating tags given by a new value). */
  private async resolveLinks(manager: EntityManager, links: ProductLinks): Promise<ResolvedLinks> {
    return {
      images: links.images,
      tagIds: links.tags && (await tagIds(manager, links.tags)),
      categoryIds: links.categories && (await categoryIds(manager, links.categories)),
    };
  }

  private async writeLinks(manager: EntityManager, productId: string, links: ResolvedLinks): Promise<void> {
    if (links.tagIds) await replaceLinks(manager, "product_tags", "product_tag_id", productId, links.tagIds);
    if (links.categoryIds) await replaceLinks(manager, "product_category_product", "product_category_id", productId, links.categoryIds);
    if (links.images) await replaceImages(manager, productId, links.images);
  }
}
