import path from "node:path";
import { listFiles } from "./discover-files";
import { defaultExport, importResource, shapeError } from "./import-resource";
import type { ResourceRoot } from "./resource-root";

/** A `loaders/*` file: runs once at start-up with the container and its root's options. */
export interface StartupHook {
  file: string;
  root: ResourceRoot;
  run: (args: { container: unknown; options: Record<string, unknown> }) => unknown;
}

/** Start-up hooks from `<root>/loaders/*`, in root order then file order. */
export function loadStartupHooks(roots: ResourceRoot[], exts: string[]): StartupHook[] {
  return roots.flatMap((root) =>
    listFiles(path.join(root.dir, "loaders"), exts).map((file) => {
      const run = defaultExport(importResource(file));
      if (typeof run !== "function") throw shapeError(file, "a default export that is a function");
      return { file, root, run: run as StartupHook["run"] };
    }),
  );
}
