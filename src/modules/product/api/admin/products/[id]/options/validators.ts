import { z } from "kiosk";

/** An option's title (`Size`). */
export const optionBody = z.strictObject({ title: z.string().min(1).max(200) });
