import { responses, z } from "kiosk";

const { timestamp, metadata } = responses;

/** An admin's note on a resource. */
export const Note = z
  .looseObject({
    id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    value: z.string(),
    resource_type: z.string(),
    resource_id: z.string(),
    author_id: z.string().nullable(),
    metadata,
  })
  .meta({ id: "Note" });

export const noteResponse = z.looseObject({ note: Note });
export const noteList = responses.list("notes", Note);
