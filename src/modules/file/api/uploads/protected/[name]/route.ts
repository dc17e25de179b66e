import { NotFoundError, responses, withValidation, z, type KioskResponse } from "kiosk";
import { sendStoredFile } from "../../../../lib/send-stored-file";

const signedQuery = z.strictObject({ expires: z.string().max(20).optional(), signature: z.string().max(100).optional() });

/**
 * A protected file of the `local` provider, at the address `POST /admin/uploads/download-url`
 * answered, until it expires. Without a valid signature it is a 404, as an unknown file.
 */
export const GET = withValidation({ query: signedQuery, response: responses.file }, async (req, res: KioskResponse) => {
  const name = req.params.name;
  const local = req.scope.resolve("localFileProviderService");
  const { expires, signature } = req.validatedQuery;
  const file = local.verifyDownload(name, expires, signature) ? await local.pathOf(`protected/${name}`) : undefined;
  if (!file) throw new NotFoundError(`File ${name} was not found`, "file_not_found");
  await sendStoredFile(res, file, name, "private, no-store");
});
