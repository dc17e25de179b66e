import { NotFoundError } from "../errors";

/** What a provider service may say about itself: its id (`manual`, `stripe`, …). */
export interface Identified {
  identifier?: string;
}

/**
 * Providers of one kind are services whose container key ends in a suffix
 * (`manualPaymentProviderService`, a plugin's `stripePaymentProviderService`),
 * found by their `identifier` (or the key without the suffix). A module's
 * registry service extends this with its kind's suffix, so a plugin adds a
 * provider by adding a service file, nothing else.
 */
export abstract class ProviderRegistry<T extends Identified> {
  private cache?: { keys: string; providers: Map<string, T> };

  protected constructor(
    private readonly cradle: Record<string, unknown>,
    private readonly kind: { suffix: string; label: string; code: string },
  ) {}

  /** The providers among the container's services; looked up again when services were added since. */
  private providers(): Map<string, T> {
    const { suffix } = this.kind;
    const keys = Object.keys(this.cradle)
      .filter((key) => key.endsWith(suffix) && key.length > suffix.length)
      .sort();
    const signature = keys.join(",");
    if (this.cache?.keys === signature) return this.cache.providers;
    const found = new Map<string, T>();
    for (const key of keys) {
      const provider = this.cradle[key] as T;
      const id = provider.identifier ?? (provider.constructor as Identified).identifier ?? key.slice(0, -suffix.length);
      found.set(id, provider);
    }
    this.cache = { keys: signature, providers: found };
    return found;
  }

  /** Every installed provider, as Medusa lists them: `{ id, is_installed }`. */
  list(): { id: string; is_installed: boolean }[] {
    return this.ids().map((id) => ({ id, is_installed: true }));
  }

  ids(): string[] {
    return [...this.providers().keys()];
  }

  /** A provider by id, or undefined when it is not installed (any more). */
  find(id: string): T | undefined {
    return this.providers().get(id);
  }

  /** A provider by id; an unknown one is a 404 with the kind's code. */
  retrieve(id: string): T {
    const provider = this.providers().get(id);
    if (!provider) throw new NotFoundError(`${this.kind.label} ${id} is not installed`, this.kind.code);
    return provider;
  }
}
