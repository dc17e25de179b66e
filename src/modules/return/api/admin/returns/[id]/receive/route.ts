import { withValidation, type KioskResponse } from "kiosk";
import type ReturnService from "../../../../../services/return";
import { receiveReturn } from "../../../../validators";
import { returnResponse } from "../../../../schemas";

/** Receives a return: stock back, the refund paid, the order's statuses moved: `{ return }`. */
export const POST = withValidation({ body: receiveReturn, response: returnResponse }, async (req, res: KioskResponse) => {
  const { location_id: _l, ...input } = req.validatedBody;
  res.json({ return: await req.scope.resolve<ReturnService>("returnService").receive(req.params.id, input) });
});
