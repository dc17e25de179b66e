import { randomBytes } from "node:crypto";

/**
 * The names of the `local` provider's files: generated, never the client's (32
 * hex characters and the extension of the recognised type), so a name can hold no
 * path. A protected file's key is `protected/<name>`. Anything else is no key.
 */
const NAME = /^[0-9a-f]{32}\.[a-z0-9]{1,8}$/;
const PROTECTED = "protected/";

export function newName(extension: string): string {
  return `${randomBytes(16).toString("hex")}.${extension}`;
}

export function isName(name: string): boolean {
  return NAME.test(name);
}

/** A key split into its access and name, or undefined when it is no key of this provider. */
export function parseKey(key: string): { isProtected: boolean; name: string } | undefined {
  const isProtected = key.startsWith(PROTECTED);
  const name = isProtected ? key.slice(PROTECTED.length) : key;
  return isName(name) ? { isProtected, name } : undefined;
}

export function keyOf(name: string, isProtected: boolean): string {
  return isProtected ? PROTECTED + name : name;
}
