import type { KioskServices } from "kiosk";
import type { StockLocationView } from "./location-view";

/**
 * With `expand` naming `sales_channels`, each location gets the live sales
 * channels it serves (asked of the sales-channel module), as Medusa v1's admin
 * reads them (`expand=address,sales_channels`).
 */
export async function withChannels(
  services: Pick<KioskServices, "stockLocationService" | "salesChannelService">,
  locations: StockLocationView[],
  expand: string | undefined,
): Promise<StockLocationView[]> {
  if (!expand?.split(",").map((e) => e.trim()).includes("sales_channels")) return locations;
  const links = await services.stockLocationService.linksOfLocations(locations.map((l) => l.id));
  const ids = [...new Set(links.map((l) => l.sales_channel_id))];
  const [channels] = ids.length ? await services.salesChannelService.list({ id: ids }, { offset: 0, limit: ids.length }) : [[]];
  return locations.map((location) =>
    Object.assign(location, {
      sales_channels: links.filter((l) => l.location_id === location.id).flatMap((l) => channels.filter((c) => c.id === l.sales_channel_id)),
    }),
  );
}

/** The two services `withChannels` asks, from a request's scope. */
export function services(req: { scope: { resolve: KioskResolve } }): Pick<KioskServices, "stockLocationService" | "salesChannelService"> {
  return { stockLocationService: req.scope.resolve("stockLocationService"), salesChannelService: req.scope.resolve("salesChannelService") };
}

type KioskResolve = <K extends keyof KioskServices>(name: K) => KioskServices[K];
