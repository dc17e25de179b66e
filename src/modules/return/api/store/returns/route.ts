import { withValidation, type KioskResponse } from "kiosk";
import type ReturnService from "../../../services/return";
import { storeCreateReturn } from "../../validators";
import { returnResponse } from "../../schemas";

/** A customer's return of shipped items of an order (guests too, as in Medusa v1): `{ return }`. */
export const POST = withValidation({ body: storeCreateReturn, response: returnResponse }, async (req, res: KioskResponse) => {
  res.json({ return: await req.scope.resolve<ReturnService>("returnService").request(req.validatedBody) });
});
