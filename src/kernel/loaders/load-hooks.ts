import path from "node:path";
import type { HookDefinition } from "../hooks/hook-runner";
import { listFiles } from "./discover-files";
import { defaultExport, importResource, shapeError } from "./import-resource";
import type { ResourceRoot } from "./resource-root";

/**
 * Hook handlers from `<root>/hooks/*` (each default-exports `defineHook(name, handler)`),
 * in root order (core modules, plugins, the project) then file order. A name the
 * framework does not run is refused at boot, so a typo is never a silent no-op.
 */
export function loadHooks(roots: ResourceRoot[], exts: string[], known: readonly string[]): HookDefinition[] {
  return roots.flatMap((root) =>
    listFiles(path.join(root.dir, "hooks"), exts).map((file) => {
      const definition = defaultExport(importResource(file)) as Partial<HookDefinition> | undefined;
      if (!definition || typeof definition.hook !== "string" || typeof definition.handler !== "function") {
        throw shapeError(file, 'a default export made with defineHook("<hook name>", handler)');
      }
      if (!known.includes(definition.hook)) throw shapeError(file, `a known hook name (${known.join(", ")}), not "${definition.hook}"`);
      return definition as HookDefinition;
    }),
  );
}
