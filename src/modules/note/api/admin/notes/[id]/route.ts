import { responses, withValidation, type KioskResponse } from "kiosk";
import type NoteService from "../../../../services/note";
import { updateNote } from "../validators";
import { noteResponse } from "../../../schemas";

export const GET = withValidation({ response: noteResponse }, async (req, res: KioskResponse) => {
  res.json({ note: await req.scope.resolve<NoteService>("noteService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateNote, response: noteResponse }, async (req, res: KioskResponse) => {
  res.json({ note: await req.scope.resolve<NoteService>("noteService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve<NoteService>("noteService").delete(req.params.id);
  res.json({ id: req.params.id, object: "note", deleted: true });
});
