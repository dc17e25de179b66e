import { withValidation, type KioskResponse } from "kiosk";
import type ReturnService from "../../../../../../../services/return";
import { receiveReturn } from "../../../../../../validators";
import { orderWithReturns } from "../../../../../../schemas";

/** The older path of receiving a return (medusa-js `admin.orders.receiveReturn`): `{ order }`. */
export const POST = withValidation({ body: receiveReturn, response: orderWithReturns }, async (req, res: KioskResponse) => {
  const { location_id: _l, ...input } = req.validatedBody;
  await req.scope.resolve<ReturnService>("returnService").receive(req.params.return_id, input, req.params.id);
  res.json({ order: await req.scope.resolve("orderService").retrieve(req.params.id) });
});
