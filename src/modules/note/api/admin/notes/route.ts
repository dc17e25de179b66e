import { listEnvelope, requireActorId, withValidation, type KioskResponse } from "kiosk";
import type NoteService from "../../../services/note";
import { createNote, listNotes } from "./validators";
import { noteList, noteResponse } from "../../schemas";

export const GET = withValidation({ query: listNotes, response: noteList }, async (req, res: KioskResponse) => {
  const { resource_id, resource_type, ...page } = req.validatedQuery;
  const [notes, count] = await req.scope.resolve<NoteService>("noteService").list({ resource_id, resource_type }, page);
  res.json(listEnvelope("notes", notes, count, page));
});

export const POST = withValidation({ body: createNote, response: noteResponse }, async (req, res: KioskResponse) => {
  const author_id = requireActorId(req, "user");
  res.json({ note: await req.scope.resolve<NoteService>("noteService").create({ ...req.validatedBody, author_id }) });
});
