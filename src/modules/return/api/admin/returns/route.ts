import { withValidation, type KioskResponse } from "kiosk";
import type ReturnService from "../../../services/return";
import { listReturns } from "../../validators";
import { returnList } from "../../schemas";

/** Returns, newest first: `{ returns, count, offset, limit }`. */
export const GET = withValidation({ query: listReturns, response: returnList }, async (req, res: KioskResponse) => {
  const { offset, limit, order_id, status } = req.validatedQuery;
  const [returns, count] = await req.scope.resolve<ReturnService>("returnService").list({ order_id, status }, { offset, limit });
  res.json({ returns, count, offset, limit });
});
