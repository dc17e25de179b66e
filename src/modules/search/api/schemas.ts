import { responses, z } from "kiosk";

/** Medusa's search answer (Meilisearch's shape): the page of products, and how many matched. */
export const searchResponse = z
  .looseObject({
    hits: z.array(responses.reference),
    query: z.string(),
    offset: z.number().int(),
    limit: z.number().int(),
    estimatedTotalHits: z.number().int(),
  })
  .meta({ id: "ProductSearchResult" });
