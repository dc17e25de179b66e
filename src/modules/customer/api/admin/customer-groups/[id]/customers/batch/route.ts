import { withValidation, type KioskResponse } from "kiosk";
import type CustomerGroupService from "../../../../../../services/customer-group";
import { customerBatch } from "../../../validators";
import { customerGroupResponse } from "../../../../../schemas";

const ids = (body: { customer_ids: { id: string }[] }) => body.customer_ids.map((c) => c.id);

/** Adds customers to the group (an unknown customer is a 404 and nothing changes): `{ customer_group }`. */
export const POST = withValidation({ body: customerBatch, response: customerGroupResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CustomerGroupService>("customerGroupService");
  res.json({ customer_group: await service.addCustomers(req.params.id, ids(req.validatedBody)) });
});

/** Removes customers from the group: `{ customer_group }`. */
export const DELETE = withValidation({ body: customerBatch, response: customerGroupResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CustomerGroupService>("customerGroupService");
  res.json({ customer_group: await service.removeCustomers(req.params.id, ids(req.validatedBody)) });
});
