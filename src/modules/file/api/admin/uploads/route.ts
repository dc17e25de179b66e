import { withValidation, type KioskResponse } from "kiosk";
import { fileContext } from "../../../lib/file-context";
import { readUploads } from "../../../lib/read-uploads";
import { uploadDeleted, uploadsResponse } from "../../schemas";
import { fileKeyBody } from "./validators";

/** Multipart `files` (one or more): `{ uploads: [{ url, key }] }`, readable by anyone at `url`. */
export const POST = withValidation({ response: uploadsResponse }, async (req, res: KioskResponse) => {
  const files = await readUploads(req, req.scope.resolve("config").files.maxSize);
  res.json({ uploads: await req.scope.resolve("fileService").upload(files, "public", fileContext(req)) });
});

/** `{ file_key }`: the file is deleted; `{ id, object: "file", deleted: true }`. */
export const DELETE = withValidation({ body: fileKeyBody, response: uploadDeleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve("fileService").delete(req.validatedBody.file_key);
  res.json({ id: req.validatedBody.file_key, object: "file", deleted: true });
});
