import { responses, retrieveQuery, withValidation, type KioskResponse } from "kiosk";
import type CustomerGroupService from "../../../../services/customer-group";
import { updateCustomerGroup } from "../validators";
import { customerGroupResponse } from "../../../schemas";

export const GET = withValidation({ query: retrieveQuery, response: customerGroupResponse }, async (req, res: KioskResponse) => {
  res.json({ customer_group: await req.scope.resolve<CustomerGroupService>("customerGroupService").retrieve(req.params.id) });
});

/** Renames a group or changes its metadata: `{ customer_group }`. */
export const POST = withValidation({ body: updateCustomerGroup, response: customerGroupResponse }, async (req, res: KioskResponse) => {
  res.json({ customer_group: await req.scope.resolve<CustomerGroupService>("customerGroupService").update(req.params.id, req.validatedBody) });
});

/** Soft-deletes a group and lets its customers go. */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<CustomerGroupService>("customerGroupService").delete(req.params.id);
  res.json({ id: req.params.id, object: "customer_group", deleted: true });
});
