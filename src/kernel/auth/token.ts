import { createSecretKey, type KeyObject } from "node:crypto";
import type * as Jwt from "jsonwebtoken";

/** Loaded on the first token, not at boot: most requests never carry one. */
const jwt = () => require("jsonwebtoken") as typeof Jwt;

const keys = new Map<string, KeyObject>();

/**
 * The secret as a key object, made once per secret. Given a string, jsonwebtoken
 * makes the key on every call, first trying it as a PEM public key and catching
 * the failure: about 0.4 ms a token, against 0.01 ms with a key object.
 */
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret))));
  return key;
}

/** Who a token speaks for: an admin `user` or a store `customer`. */
export interface AuthActor {
  actorType: "user" | "customer";
  actorId: string;
  /**
   * The account's token version when the token was signed (the `ver` claim). A
   * token is honoured only while the account still has this version: changing the
   * password or signing out everywhere raises it. A token without one reads as 0.
   */
  version?: number;
}

const TOKEN_LIFETIME = "24h";

/** Signs a bearer token (HS256) for an actor. */
export function signToken(actor: AuthActor, secret: string): string {
  return jwt().sign({ actor_type: actor.actorType, ver: actor.version ?? 0 }, secretKey(secret), {
    algorithm: "HS256",
    subject: actor.actorId,
    expiresIn: TOKEN_LIFETIME,
  });
}

/** The actor of a valid, unexpired token; undefined for anything else. */
export function verifyToken(token: string, secret: string): AuthActor | undefined {
  try {
    const payload = jwt().verify(token, secretKey(secret), { algorithms: ["HS256"] });
    if (typeof payload !== "object" || typeof payload.sub !== "string") return undefined;
    const { actor_type: actorType, ver = 0 } = payload as { actor_type?: unknown; ver?: unknown };
    if (actorType !== "user" && actorType !== "customer") return undefined;
    if (!Number.isSafeInteger(ver) || (ver as number) < 0) return undefined;
    return { actorType, actorId: payload.sub, version: ver as number };
  } catch {
    return undefined;
  }
}
