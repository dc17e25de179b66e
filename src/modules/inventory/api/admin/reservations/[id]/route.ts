import { responses, retrieveQuery, withValidation, type KioskResponse } from "kiosk";
import { updateReservation } from "../validators";
import { reservationResponse } from "../../../schemas";

export const GET = withValidation({ query: retrieveQuery, response: reservationResponse }, async (req, res: KioskResponse) => {
  res.json({ reservation: await req.scope.resolve("reservationService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateReservation, response: reservationResponse }, async (req, res: KioskResponse) => {
  res.json({ reservation: await req.scope.resolve("reservationService").update(req.params.id, req.validatedBody) });
});

/** Deletes the reservation, giving its units back to the level. */
export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve("reservationService").delete(req.params.id);
  res.json({ id: req.params.id, object: "reservation", deleted: true });
});
