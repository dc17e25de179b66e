import { withValidation, type KioskResponse } from "kiosk";
import { fileContext } from "../../../../lib/file-context";
import { readUploads } from "../../../../lib/read-uploads";
import { uploadsResponse } from "../../../schemas";

/** Multipart `files`: `{ uploads: [{ url, key }] }`, readable only through a download URL. */
export const POST = withValidation({ response: uploadsResponse }, async (req, res: KioskResponse) => {
  const files = await readUploads(req, req.scope.resolve("config").files.maxSize);
  res.json({ uploads: await req.scope.resolve("fileService").upload(files, "protected", fileContext(req)) });
});
