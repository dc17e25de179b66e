/** What the index reads of a product (the product service's store view has it all). */
export interface SearchableProduct {
  title: string;
  subtitle?: string | null;
  description?: string | null;
  handle?: string | null;
  tags?: { value: string }[] | null;
  variants?: { title?: string | null; sku?: string | null }[] | null;
  collection?: { title: string } | null;
  type?: { value: string } | null;
}

/** The searchable text of a product: its words, the collection's, type's, tags' and variants'. */
export function productDocument(p: SearchableProduct): string {
  return [
    p.title,
    p.subtitle,
    p.description,
    p.handle?.replace(/-/g, " "),
    p.collection?.title,
    p.type?.value,
    ...(p.tags ?? []).map((t) => t.value),
    ...(p.variants ?? []).flatMap((v) => [v.title, v.sku]),
  ]
    .filter((part): part is string => typeof part === "string" && part.length > 0)
    .join("\n");
}
