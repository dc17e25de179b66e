import type { FulfillmentProvider } from "../lib/fulfillment-provider";

/** The built-in `manual` provider: the merchant packs and ships by hand; every call just succeeds. */
export default class ManualFulfillmentProviderService implements FulfillmentProvider {
  static identifier = "manual";
  readonly identifier = "manual";

  /** Medusa's manual options: one to ship, one for returns. */
  async getFulfillmentOptions(): Promise<Record<string, unknown>[]> {
    return [{ id: "manual-fulfillment" }, { id: "manual-fulfillment-return", is_return: true }];
  }

  async validateOption(): Promise<boolean> {
    return true;
  }

  async validateFulfillmentData(_optionData: Record<string, unknown>, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    return data;
  }

  async createFulfillment(): Promise<Record<string, unknown>> {
    return {};
  }

  async cancelFulfillment(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    return data;
  }
}
