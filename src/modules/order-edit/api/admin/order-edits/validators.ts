import { listQuery, metadata, z } from "kiosk";

/** The most units one line holds, as a cart's line. */
const quantity = z.number().int().min(1).max(10_000);
const reference = z.string().min(1).max(200);
const note = z.string().max(10_000).nullable();

export const listOrderEdits = listQuery({ order_id: reference.optional(), q: z.string().max(200).optional() }, 20, 50);

export const createOrderEdit = z.strictObject({ order_id: reference, internal_note: note.optional() });

export const updateOrderEdit = z.strictObject({ internal_note: note.optional() });

export const addOrderEditItem = z.strictObject({ variant_id: reference, quantity, metadata });

export const updateOrderEditItem = z.strictObject({ quantity });

/** The actions that take no input (`request`, `confirm`, `cancel`). */
export const noInput = z.strictObject({});
