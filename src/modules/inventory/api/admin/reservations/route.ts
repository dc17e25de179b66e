import { listEnvelope, requireActorId, withValidation, type KioskResponse } from "kiosk";
import { createReservation, listReservations } from "./validators";
import { reservationList, reservationResponse } from "../../schemas";

export const GET = withValidation({ query: listReservations, response: reservationList }, async (req, res: KioskResponse) => {
  const { offset, limit, order, expand: _expand, fields: _fields, ...filters } = req.validatedQuery;
  const [reservations, count] = await req.scope.resolve("reservationService").list(filters, { offset, limit, order });
  res.json(listEnvelope("reservations", reservations, count, { offset, limit }));
});

/** Holds units at a location (422 `insufficient_inventory` past what is available). */
export const POST = withValidation({ body: createReservation, response: reservationResponse }, async (req, res: KioskResponse) => {
  res.json({ reservation: await req.scope.resolve("reservationService").create(req.validatedBody, requireActorId(req, "user")) });
});
