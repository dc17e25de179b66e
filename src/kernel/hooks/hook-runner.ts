/** A hook handler as a `hooks/*` file defines it (`defineHook(name, handler)`). */
export interface HookDefinition<Name extends string = string, Args = any> {
  hook: Name;
  handler: (args: Args) => unknown;
}

/**
 * Runs the handlers of a named hook one after the other, awaiting each, in the
 * caller's transaction: a handler that throws stops the rest and the error goes
 * to the caller (a `KioskError` becomes its 4xx), which rolls its transaction back.
 * `Hooks` maps each hook name to its arguments.
 */
export class HookRunner<Hooks extends object = Record<string, unknown>> {
  private readonly byName = new Map<string, HookDefinition["handler"][]>();

  constructor(definitions: HookDefinition[] = []) {
    for (const { hook, handler } of definitions) {
      const handlers = this.byName.get(hook) ?? [];
      handlers.push(handler);
      this.byName.set(hook, handlers);
    }
  }

  /** Whether any handler is registered for the hook. */
  has(name: keyof Hooks & string): boolean {
    return this.byName.has(name);
  }

  async run<Name extends keyof Hooks & string>(name: Name, args: Hooks[Name]): Promise<void> {
    for (const handler of this.byName.get(name) ?? []) await handler(args);
  }
}
