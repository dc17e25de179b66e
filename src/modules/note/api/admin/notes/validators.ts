import { listQuery, metadata, z } from "kiosk";

/** A note's text: not blank, at most 10,000 characters. */
const value = z.string().max(10_000).refine((v) => v.trim().length > 0, "must not be empty");
const reference = z.string().min(1).max(200);

export const listNotes = listQuery({ resource_id: reference.optional(), resource_type: reference.optional() }, 50);

export const createNote = z.strictObject({ resource_id: reference, resource_type: reference, value, metadata });

export const updateNote = z.strictObject({ value, metadata });
