import { listEnvelope, requireActorId, withValidation, type KioskResponse } from "kiosk";
import { createKey, listKeys } from "./validators";
import { publishableApiKeyList, publishableApiKeyResponse } from "../../schemas";

export const GET = withValidation({ query: listKeys, response: publishableApiKeyList }, async (req, res: KioskResponse) => {
  const { offset, limit, q } = req.validatedQuery;
  const [keys, count] = await req.scope.resolve("publishableApiKeyService").list({ q }, { offset, limit });
  res.json(listEnvelope("publishable_api_keys", keys, count, { offset, limit }));
});

export const POST = withValidation({ body: createKey, response: publishableApiKeyResponse }, async (req, res: KioskResponse) => {
  const userId = requireActorId(req, "user");
  res.json({ publishable_api_key: await req.scope.resolve("publishableApiKeyService").create(req.validatedBody.title, userId) });
});
