import { responses, z } from "kiosk";

/** An uploaded file: where to fetch it and the key to delete it by. */
export const Upload = z.looseObject({ url: z.string(), key: z.string() }).meta({ id: "Upload" });

export const uploadsResponse = z.looseObject({ uploads: z.array(Upload) });
export const downloadUrlResponse = z.looseObject({ download_url: z.string() });
export const uploadDeleted = responses.deleted;
