import type { FulfillmentProvider } from "../lib/fulfillment-provider";

/** The built-in `manual` provider: the merchant packs and ships by hand; every call just succeeds. */
export default class ManualFulfillmentProviderService implements FulfillmentProvider {
  static identifier = "manual";
  readonly identifier = "manual";

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
