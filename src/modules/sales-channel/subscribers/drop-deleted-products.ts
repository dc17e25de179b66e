import { defineSubscriber } from "kiosk";

/** A deleted product leaves the channels it was sold in. */
export default defineSubscriber("product.deleted", async ({ data, container }) => {
  await container.resolve("salesChannelService").dropProduct(data.id);
});
