import Medusa, { BaseResource } from "@medusajs/medusa-js";

/**
 * A meter of how much of medusa-js a test file drives: `wrap` puts a Proxy over a
 * client's resources (nested ones too: `admin.orders`, `carts.lineItems`,
 * `customers.paymentMethods`) that records `<resource>.<method>` or
 * `admin.<resource>.<method>` when a call is answered without throwing, and
 * `methods` lists every method a real client offers, read from the prototypes of
 * its resources (names starting with `_` are the client's own helpers). A call that
 * fails (a 4xx a test expects) does not count: a method counts once it worked.
 */
export interface MedusaJsCoverage {
  /** The client, its resources proxied so that each successful call is recorded. */
  wrap(client: Medusa): Medusa;
  /** Every method of the client: `auth.getToken`, `carts.lineItems.create`, `admin.orders.list`, … */
  readonly methods: string[];
  /** The methods called so far (and answered). */
  readonly called: ReadonlySet<string>;
  /** What is called and what is not, store and admin apart. */
  report(): { store: { called: number; total: number; uncalled: string[] }; admin: { called: number; total: number; uncalled: string[] } };
}

/** The resources an object holds (its properties that are medusa-js resources), by name. */
function resources(object: object): [string, BaseResource][] {
  return Object.entries(object).filter((entry): entry is [string, BaseResource] => entry[1] instanceof BaseResource);
}

/** A resource's own methods: its prototype chain below BaseResource, without constructors and `_` helpers. */
function methodsOf(resource: BaseResource): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(resource); proto && proto !== BaseResource.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === "constructor" || name.startsWith("_")) continue;
      if (typeof (resource as unknown as Record<string, unknown>)[name] === "function") names.add(name);
    }
  }
  return [...names];
}

/** Every method under `object`, each named by its path of resources. */
function enumerate(object: object, prefix: string): string[] {
  return resources(object).flatMap(([name, resource]) => [
    ...methodsOf(resource).map((method) => `${prefix}${name}.${method}`),
    ...enumerate(resource, `${prefix}${name}.`),
  ]);
}

export function medusaJsCoverage(): MedusaJsCoverage {
  const methods = enumerate(new Medusa({ baseUrl: "http://localhost", maxRetries: 0 }), "").sort();
  const known = new Set(methods);
  const called = new Set<string>();

  function proxy<T extends object>(target: T, prefix: string): T {
    return new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof property !== "string") return value;
        const path = `${prefix}${property}`;
        if (value instanceof BaseResource) return proxy(value, `${path}.`);
        if (typeof value !== "function" || !known.has(path)) return value;
        return (...args: unknown[]) => {
          const answer = (value as (...a: unknown[]) => unknown).apply(object, args);
          if (answer && typeof (answer as Promise<unknown>).then === "function") {
            return (answer as Promise<unknown>).then((result) => {
              called.add(path);
              return result;
            });
          }
          called.add(path);
          return answer;
        };
      },
    });
  }

  function part(admin: boolean) {
    const all = methods.filter((m) => m.startsWith("admin.") === admin);
    const uncalled = all.filter((m) => !called.has(m));
    return { called: all.length - uncalled.length, total: all.length, uncalled };
  }

  return {
    wrap: (client) => proxy(client, ""),
    methods,
    called,
    report: () => ({ store: part(false), admin: part(true) }),
  };
}
