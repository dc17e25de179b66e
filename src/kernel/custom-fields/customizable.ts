/** Entity name (as `customFields` spells it) → the class its module marked with `@Customizable`. */
const customizable = new Map<string, Function>();

/**
 * Marks an entity as one a project may add custom fields to, under `name` in the config's
 * `customFields` (`@Customizable("product")`). The kernel maps config names to classes through
 * this, so it never imports a module.
 */
export function Customizable(name: string): ClassDecorator {
  return (target) => {
    customizable.set(name, target);
  };
}

/** The class marked under `name`, if any. */
export function customizableEntity(name: string): Function | undefined {
  return customizable.get(name);
}

/** Every name a project may use in `customFields`, sorted. */
export function customizableNames(): string[] {
  return [...customizable.keys()].sort();
}
