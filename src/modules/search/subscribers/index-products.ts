import { defineSubscriber } from "kiosk";

/** Keeps the search index in step with the catalog, after each product change commits. */
export default defineSubscriber(["product.created", "product.updated", "product.deleted"], async ({ data, container }) => {
  await container.resolve("searchService").indexProduct(data.id);
});
