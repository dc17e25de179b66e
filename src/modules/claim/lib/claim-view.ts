import { byCreation } from "kiosk/internal";
import type { ClaimAdditionalItem } from "../models/claim-additional-item";
import type { ClaimFulfillment } from "../models/claim-fulfillment";
import type { ClaimItem } from "../models/claim-item";
import type { ClaimOrder } from "../models/claim-order";
import type { ClaimShippingMethod } from "../models/claim-shipping-method";

export type ClaimItemView = Omit<ClaimItem, "claim_order" | "tags" | "images"> & { tags: { value: string }[]; images: { url: string }[] };

/** Medusa v1's `ClaimOrder`: its columns, claimed items, replacement items (as lines), shipping methods and fulfillments. */
export type ClaimFulfillmentView = Omit<ClaimFulfillment, "claim_order" | "items"> & {
  items: { fulfillment_id: string; item_id: string; quantity: number }[];
  tracking_links: { tracking_number: string; url: null }[];
};

export type ClaimView = Omit<ClaimOrder, "claim_items" | "additional_items" | "shipping_methods" | "fulfillments"> & {
  claim_items: ClaimItemView[];
  additional_items: (Omit<ClaimAdditionalItem, "claim_order"> & { total: number; returned_quantity: number })[];
  shipping_methods: (Omit<ClaimShippingMethod, "claim_order"> & { claim_order_id: string })[];
  fulfillments: ClaimFulfillmentView[];
};

/** The API object of a claim, given its rows. */
export function claimView(
  claim: ClaimOrder,
  items: ClaimItem[],
  additional: ClaimAdditionalItem[],
  methods: ClaimShippingMethod[],
  fulfillments: ClaimFulfillment[],
): ClaimView {
  const { claim_items: _i, additional_items: _a, shipping_methods: _m, fulfillments: _f, ...columns } = claim;
  return {
    ...columns,
    claim_items: [...items].sort(byCreation).map(({ claim_order: _c, tags, images, ...item }) => ({
      ...item,
      tags: (tags ?? []).map((value) => ({ value })),
      images: (images ?? []).map((url) => ({ url })),
    })),
    additional_items: [...additional].sort(byCreation).map(({ claim_order: _c, ...item }) => ({
      ...item,
      total: item.unit_price * item.quantity,
      returned_quantity: 0,
    })),
    shipping_methods: [...methods].sort(byCreation).map(({ claim_order: _c, ...m }) => m),
    fulfillments: [...fulfillments].sort(byCreation).map(({ claim_order: _c, items: units, ...f }) => ({
      ...f,
      items: units.map((u) => ({ fulfillment_id: f.id, ...u })),
      tracking_links: (f.tracking_numbers ?? []).map((n) => ({ tracking_number: n, url: null })),
    })),
  };
}
