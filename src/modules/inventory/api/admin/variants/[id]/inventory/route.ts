import { withValidation, type KioskResponse } from "kiosk";
import { variantInventoryResponse } from "../../../../schemas";

/**
 * The variant's inventory items with their levels, and what each sales channel
 * of its product can sell (the available units at the channel's locations):
 * `{ variant: { id, inventory, sales_channel_availability } }`.
 */
export const GET = withValidation({ response: variantInventoryResponse }, async (req, res: KioskResponse) => {
  const variant = await req.scope.resolve("productVariantService").retrieve(req.params.id);
  const inventory = await req.scope.resolve("inventoryService").listByVariants([variant.id]);
  const channels = (await req.scope.resolve("salesChannelService").channelsOfProducts([variant.product_id])).get(variant.product_id) ?? [];
  const links = await req.scope.resolve("stockLocationService").linksOfChannels(channels.map((c) => c.id));
  const levels = inventory.flatMap((item) => item.location_levels);
  const sales_channel_availability = channels.map((channel) => {
    const locations = new Set(links.filter((l) => l.sales_channel_id === channel.id).map((l) => l.location_id));
    const available_quantity = levels.filter((l) => locations.has(l.location_id)).reduce((sum, l) => sum + l.available_quantity, 0);
    return { channel_name: channel.name, channel_id: channel.id, available_quantity };
  });
  res.json({ variant: { id: variant.id, inventory, sales_channel_availability } });
});
