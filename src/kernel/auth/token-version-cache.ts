/** An account's token version, or undefined when the account is gone or may not sign in. */
export type TokenVersion = number | undefined;

/** What the service owning an actor type's accounts offers the token check. */
export interface TokenVersionSource {
  tokenVersion(id: string): Promise<TokenVersion>;
}

/** The service that owns each actor type's accounts (and implements `TokenVersionSource`). */
export const ACCOUNT_SERVICES = { user: "userService", customer: "customerService" } as const;

interface Entry {
  value: TokenVersion | Promise<TokenVersion>;
  expires: number;
}

/**
 * What this process last read of each account's token version, for `ttl`
 * milliseconds, so checking a token costs no database round trip while the
 * entry is fresh. Concurrent misses for one account share one read. A service
 * that changes an account calls `forget` after its commit: from then on this
 * process reads the account again (a read already under way is not kept).
 * Other processes see the change when their entry expires. At most
 * `maxEntries` accounts are kept; the least recently loaded goes first.
 * Registered as `tokenVersionCache`.
 */
export class TokenVersionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly ttl: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The account's version: the cached value while fresh (no promise), else a read shared by concurrent callers. */
  current(actorType: string, id: string, load: () => Promise<TokenVersion>): TokenVersion | Promise<TokenVersion> {
    const key = `${actorType}:${id}`;
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    if (this.ttl === 0) return load();
    const entry: Entry = { value: undefined, expires: Number.POSITIVE_INFINITY };
    entry.value = load().then(
      (version) => {
        if (this.entries.get(key) === entry) Object.assign(entry, { value: version, expires: Date.now() + this.ttl });
        return version;
      },
      (err: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw err;
      },
    );
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }

  /** Drops what is known of an account, so the next token check reads it again. */
  forget(actorType: string, id: string): void {
    this.entries.delete(`${actorType}:${id}`);
  }
}
