/** What a publishable key gives access to; `revoked` keys are refused by the middleware. */
export interface KeyScope {
  revoked: boolean;
  sales_channel_ids: string[];
}

interface Entry {
  value: Promise<KeyScope | undefined>;
  expires: number;
}

/**
 * The scopes of the keys this process read lately, for `ttl` milliseconds, so
 * a store request carrying a key costs no database round trip while its entry
 * is fresh. Concurrent misses for one key share one read; a read that fails is
 * not kept. The service `forget`s a key after committing a change to it (or to
 * its channels); other processes see the change when their entry expires. At
 * most `maxEntries` keys are kept, the oldest loaded going first.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly ttl: number,
    private readonly maxEntries = 1_000,
  ) {}

  get(id: string, load: () => Promise<KeyScope | undefined>): Promise<KeyScope | undefined> {
    const hit = this.entries.get(id);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = load();
    this.entries.delete(id);
    this.entries.set(id, { value, expires: Date.now() + this.ttl });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(id)?.value === value) this.entries.delete(id);
    });
    return value;
  }

  forget(id?: string): void {
    if (id === undefined) this.entries.clear();
    else this.entries.delete(id);
  }
}
