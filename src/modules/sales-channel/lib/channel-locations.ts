import type { KioskServices } from "kiosk";
import type { SalesChannel } from "../models/sales-channel";

/** With `expand` naming `locations`, each channel gets its stock location links (asked of the stock-location module), as Medusa v1 answers them. */
export async function withLocations<C extends SalesChannel>(
  locations: KioskServices["stockLocationService"],
  channels: C[],
  expand: string | undefined,
): Promise<(C & { locations?: unknown[] })[]> {
  if (!expand?.split(",").map((e) => e.trim()).includes("locations")) return channels;
  const links = await locations.linksOfChannels(channels.map((c) => c.id));
  return channels.map((c) => Object.assign(c, { locations: links.filter((l) => l.sales_channel_id === c.id) }));
}
