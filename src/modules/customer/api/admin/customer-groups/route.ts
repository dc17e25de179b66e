import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type CustomerGroupService from "../../../services/customer-group";
import { createCustomerGroup, listCustomerGroups } from "./validators";
import { customerGroupList, customerGroupResponse } from "../../schemas";

/** Lists the customer groups, searched with `q`: `{ customer_groups, count, offset, limit }`. */
export const GET = withValidation({ query: listCustomerGroups, response: customerGroupList }, async (req, res: KioskResponse) => {
  const [groups, count] = await req.scope.resolve<CustomerGroupService>("customerGroupService").list(req.validatedQuery);
  res.json(listEnvelope("customer_groups", groups, count, req.validatedQuery));
});

/** Creates a customer group: `{ customer_group }`. */
export const POST = withValidation({ body: createCustomerGroup, response: customerGroupResponse }, async (req, res: KioskResponse) => {
  res.json({ customer_group: await req.scope.resolve<CustomerGroupService>("customerGroupService").create(req.validatedBody) });
});
