import { NotFoundError, type KioskServices } from "kiosk";
import { indexedIds, lockDocument, matchingIds, removeDocument, writeDocument } from "../lib/product-index";
import { productDocument, type SearchableProduct } from "../lib/product-document";
import { searchTerms } from "../lib/search-terms";

/** Matches one search reads at most; the hits' count is capped by it too. */
export const MAX_HITS = 1000;

type ProductList = KioskServices["productService"]["list"];
type ProductFilters = Parameters<ProductList>[0];

/** What `POST /store/products/search` filters by, besides the words. */
export interface SearchFilter {
  collection_id?: string[];
  type_id?: string[];
  tags?: string[];
  category_id?: string[];
}

/** The products a storefront sees: published, with the store's relations. */
const STORE = { statuses: ["published" as const], categories: "store" as const };
const STORE_RELATIONS = ["variants", "variants.prices", "variants.options", "options", "options.values", "images", "tags", "collection", "type"] as const;

/**
 * Product search in the database's own full-text search (see `lib/product-index.ts`),
 * Medusa v1's `SearchService` for the `products` index: `search` answers the page of
 * hits, `indexProduct` keeps a product's document in step with the product (called by
 * the subscriber on `product.created|updated|deleted`). Only published products are
 * indexed; the hits are read back through the product service, so a product
 * unpublished since its indexing never shows.
 */
export default class SearchService {
  constructor(private readonly cradle: KioskServices) {}

  async search(q: string | undefined, page: { offset: number; limit: number }, filter: SearchFilter = {}) {
    const terms = searchTerms(q);
    const products = this.cradle.productService;
    const ranked = await this.cradle.unitOfWork.read((manager) => matchingIds(manager, terms, MAX_HITS));
    let ids = ranked;
    if (ranked.length) {
      const where: ProductFilters = { ...filter, id: ranked };
      const [visible] = await products.list(where, { offset: 0, limit: MAX_HITS }, { relations: new Set(), fields: ["id"] }, STORE);
      const keep = new Set(visible.map((p) => p.id));
      ids = ranked.filter((id) => keep.has(id));
    }
    const pageIds = ids.slice(page.offset, page.offset + page.limit);
    const [rows] = pageIds.length
      ? await products.list({ id: pageIds }, { offset: 0, limit: pageIds.length }, { relations: new Set(STORE_RELATIONS) }, STORE)
      : [[]];
    const byId = new Map(rows.map((p) => [p.id, p]));
    const hits = pageIds.map((id) => byId.get(id)).filter((p) => p !== undefined);
    return { hits, query: q ?? "", offset: page.offset, limit: page.limit, estimatedTotalHits: ids.length };
  }

  /**
   * Rebuilds the whole index (`kiosk search reindex`): every product is indexed
   * as `indexProduct` does, a page of ids at a time (one short transaction per
   * product, so the store keeps serving), and documents of products that are gone
   * are removed, as are those of products no longer published. Answers how many
   * products are indexed and how many documents were removed.
   */
  async reindex(pageSize = 500): Promise<{ indexed: number; removed: number }> {
    const documents = () => this.cradle.unitOfWork.read((manager) => indexedIds(manager));
    const before = await documents();
    const seen = new Set<string>();
    for (let offset = 0; ; offset += pageSize) {
      const [page] = await this.cradle.productService.list({}, { offset, limit: pageSize, order: "id" }, { relations: new Set(), fields: ["id"] });
      for (const product of page) {
        seen.add(product.id);
        await this.indexProduct(product.id);
      }
      if (page.length < pageSize) break;
    }
    for (const id of before.filter((id) => !seen.has(id))) await this.indexProduct(id);
    const after = new Set(await documents());
    return { indexed: after.size, removed: before.filter((id) => !after.has(id)).length };
  }

  /** Brings a product's document up to date: written when the product is published, removed otherwise or when it is gone. */
  indexProduct(productId: string): Promise<void> {
    return this.cradle.unitOfWork.run(async ({ manager }) => {
      await lockDocument(manager, productId);
      const product = await this.cradle.productService
        .retrieve(productId, { relations: new Set(["variants", "tags", "collection", "type"]) })
        .catch((err: unknown) => {
          if (err instanceof NotFoundError) return undefined;
          throw err;
        });
      if (!product || product.status !== "published") return removeDocument(manager, productId);
      await writeDocument(manager, productId, productDocument(product as unknown as SearchableProduct));
    });
  }
}
