/**
 * What a fulfillment provider implements. A provider is a service whose
 * container key ends in `FulfillmentProviderService` (a file
 * `services/<name>-fulfillment-provider.ts` in a plugin or project), identified
 * by its `identifier`; `fulfillmentProviderService` finds every such service.
 */
export interface FulfillmentProvider {
  identifier: string;
  /** The options an admin may give a shipping option of this provider (`GET /admin/regions/:id/fulfillment-options`). */
  getFulfillmentOptions?(): Promise<Record<string, unknown>[]>;
  /** Checks an option's `data` when the admin creates or changes a shipping option. */
  validateOption?(data: Record<string, unknown>): Promise<boolean>;
  /** Checks the `data` a customer sends with `POST /store/carts/:id/shipping-methods`; returns what to keep. */
  validateFulfillmentData?(
    optionData: Record<string, unknown>,
    data: Record<string, unknown>,
    cart: { id: string; region_id: string },
  ): Promise<Record<string, unknown>>;
  /** Hands items of an order to the provider; the result is kept as the fulfillment's `data`. */
  createFulfillment(
    methodData: Record<string, unknown>,
    items: { item_id: string; quantity: number }[],
    order: { id: string; display_id: number },
  ): Promise<Record<string, unknown>>;
  cancelFulfillment(data: Record<string, unknown>): Promise<Record<string, unknown>>;
}
