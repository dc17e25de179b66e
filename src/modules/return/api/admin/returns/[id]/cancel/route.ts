import { withValidation, type KioskResponse } from "kiosk";
import type ReturnService from "../../../../../services/return";
import { noBody } from "../../../../validators";
import { orderWithReturns } from "../../../../schemas";

/** Cancels a return not received yet: `{ order }`. */
export const POST = withValidation({ body: noBody, response: orderWithReturns }, async (req, res: KioskResponse) => {
  res.json({ order: await req.scope.resolve<ReturnService>("returnService").cancel(req.params.id) });
});
