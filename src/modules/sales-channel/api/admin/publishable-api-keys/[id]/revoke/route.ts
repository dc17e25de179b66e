import { requireActorId, withValidation, type KioskResponse } from "kiosk";
import { publishableApiKeyResponse } from "../../../../schemas";

/** Revokes the key (409 `already_revoked` if it was): store requests carrying it are refused from then on. */
export const POST = withValidation({ response: publishableApiKeyResponse }, async (req, res: KioskResponse) => {
  const userId = requireActorId(req, "user");
  res.json({ publishable_api_key: await req.scope.resolve("publishableApiKeyService").revoke(req.params.id, userId) });
});
