import {
  clearSessionCookie,
  requireActorId,
  setSessionCookie,
  responses,
  withValidation,
  type KioskResponse,
} from "kiosk";
import type CustomerService from "../../../services/customer";
import { credentials } from "./credentials";
import { signIn } from "./sign-in";
import { customerResponse } from "../../schemas";

/** Signs a customer in with the session cookie: `{ customer }`. */
export const POST = withValidation({ body: credentials, response: customerResponse }, async (req, res: KioskResponse) => {
  const { customer, token } = await signIn(req);
  setSessionCookie(res, "customer", token);
  res.json({ customer });
});

/** The signed-in customer (bearer token or session cookie): `{ customer }`; 401 when anonymous. */
export const GET = withValidation({ response: customerResponse }, async (req, res: KioskResponse) => {
  const service = req.scope.resolve<CustomerService>("customerService");
  res.json({ customer: await service.retrieve(requireActorId(req, "customer"), { addresses: true }) });
});

/** Signs out of the cookie session. */
export const DELETE = withValidation({ response: responses.emptyOk }, async (_req, res: KioskResponse) => {
  clearSessionCookie(res, "customer");
  res.status(200).end();
});
