import { withValidation, type KioskResponse } from "kiosk";
import { fileContext } from "../../../../lib/file-context";
import { downloadUrlResponse } from "../../../schemas";
import { fileKeyBody } from "../validators";

/** `{ file_key }`: `{ download_url }`, valid for an hour for a protected file. */
export const POST = withValidation({ body: fileKeyBody, response: downloadUrlResponse }, async (req, res: KioskResponse) => {
  res.json({ download_url: await req.scope.resolve("fileService").downloadUrl(req.validatedBody.file_key, fileContext(req)) });
});
