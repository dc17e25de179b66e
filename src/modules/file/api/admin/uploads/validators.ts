import { z } from "kiosk";

/** A file's key, as an upload answered it. */
export const fileKeyBody = z.strictObject({ file_key: z.string().min(1).max(300) });
