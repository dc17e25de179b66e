import { NotFoundError, responses, withValidation, type KioskResponse } from "kiosk";
import { sendStoredFile } from "../../../lib/send-stored-file";

/** A public file of the `local` provider, by its generated name; no listing, no other path. */
export const GET = withValidation({ response: responses.file }, async (req, res: KioskResponse) => {
  const name = req.params.name;
  const file = await req.scope.resolve("localFileProviderService").pathOf(name);
  if (!file) throw new NotFoundError(`File ${name} was not found`, "file_not_found");
  await sendStoredFile(res, file, name, "public, max-age=31536000, immutable");
});
