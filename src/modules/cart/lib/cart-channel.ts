import type { EntityManager, KioskServices } from "kiosk";
import type { Cart } from "../models/cart";
import { LineItem } from "../models/line-item";

/** What a store request says about a cart's sales channel: the one asked for, and those its publishable key allows. */
export interface ChannelRequest {
  sales_channel_id?: string;
  allowedChannelIds?: string[];
}

/**
 * Puts a store cart in a sales channel (the sales-channel module picks it: the
 * one asked for, else the key's, else the default). Moving a cart that has
 * lines is refused (400 `product_not_in_sales_channel`) when one of their
 * products is not sold in the new channel.
 */
export async function setCartChannel(cradle: KioskServices, manager: EntityManager, cart: Cart, request: ChannelRequest): Promise<void> {
  const channelId = await cradle.salesChannelService.channelForCart(request.sales_channel_id, request.allowedChannelIds);
  if (channelId === cart.sales_channel_id) return;
  // A cart being created (no id yet) has no lines.
  const lines = cart.id ? await manager.find(LineItem, { select: { product_id: true }, where: { cart_id: cart.id } }) : [];
  const productIds = lines.map((l) => l.product_id).filter((id): id is string => !!id);
  await cradle.salesChannelService.assertProductsIn(channelId, productIds);
  cart.sales_channel_id = channelId;
}
