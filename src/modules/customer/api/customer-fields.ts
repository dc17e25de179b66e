import { z } from "kiosk";

/** Field rules shared by the store and admin customer routes. */
export const email = z.email().max(254);
export const password = z.string().min(8).max(256);
/** A name a form requires (sign-up, admin create). */
export const requiredName = z.string().trim().min(1).max(200);
/** A text field that may be left out or cleared with `null`. */
export const optionalText = z.string().max(200).nullable().optional();
