import { withValidation, type KioskResponse } from "kiosk";
import { taxProviderList } from "../../../schemas";

/** Tax is the region's rate, computed by the `taxCalculation` strategy: the one provider is Medusa's built-in `system`. */
export const GET = withValidation({ response: taxProviderList }, async (_req, res: KioskResponse) => {
  res.json({ tax_providers: [{ id: "system", is_installed: true }] });
});
