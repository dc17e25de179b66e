import { responses, withValidation, type KioskResponse } from "kiosk";
import { updateKey } from "../validators";
import { publishableApiKeyResponse } from "../../../schemas";

export const GET = withValidation({ response: publishableApiKeyResponse }, async (req, res: KioskResponse) => {
  res.json({ publishable_api_key: await req.scope.resolve("publishableApiKeyService").retrieve(req.params.id) });
});

export const POST = withValidation({ body: updateKey, response: publishableApiKeyResponse }, async (req, res: KioskResponse) => {
  res.json({ publishable_api_key: await req.scope.resolve("publishableApiKeyService").update(req.params.id, req.validatedBody) });
});

export const DELETE = withValidation({ response: responses.deleted }, async (req, res: KioskResponse) => {
  await req.scope.resolve("publishableApiKeyService").delete(req.params.id);
  res.json({ id: req.params.id, object: "publishable_api_key", deleted: true });
});
