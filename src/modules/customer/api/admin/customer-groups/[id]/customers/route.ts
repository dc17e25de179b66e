import { listEnvelope, withValidation, type KioskResponse } from "kiosk";
import type CustomerGroupService from "../../../../../services/customer-group";
import { listGroupCustomers } from "../../validators";
import { customerList } from "../../../../schemas";

/** The group's customers, searched with `q`: `{ customers, count, offset, limit }`. */
export const GET = withValidation({ query: listGroupCustomers, response: customerList }, async (req, res: KioskResponse) => {
  const [customers, count] = await req.scope
    .resolve<CustomerGroupService>("customerGroupService")
    .listCustomers(req.params.id, req.validatedQuery);
  res.json(listEnvelope("customers", customers, count, req.validatedQuery));
});
