import path from "node:path";
import { serviceKey } from "../container/naming";
import { listFiles } from "./discover-files";
import { defaultExport, importResource, shapeError } from "./import-resource";
import type { ResourceRoot } from "./resource-root";

/** A service class and the container key it is registered under. */
export interface ServiceDefinition {
  key: string;
  file: string;
  root: ResourceRoot;
  service: new (cradle: any, options?: Record<string, unknown>) => unknown;
  /** The core module's service this one replaces (a plugin's or the project's file of the same name). */
  overrides?: { file: string; root: ResourceRoot };
}

/**
 * Services from `<root>/services/*`, keyed by file name. A later root (a plugin,
 * then the project) registering the same key replaces the earlier one: that is how a
 * project overrides a core service.
 */
export function loadServices(roots: ResourceRoot[], exts: string[]): ServiceDefinition[] {
  const byKey = new Map<string, ServiceDefinition>();
  for (const root of roots) {
    for (const file of listFiles(path.join(root.dir, "services"), exts)) {
      const service = defaultExport(importResource(file));
      if (typeof service !== "function" || !/^class[\s{]/.test(Function.prototype.toString.call(service))) {
        throw shapeError(file, "a default export that is a class");
      }
      const key = serviceKey(file);
      const previous = byKey.get(key);
      const core = previous?.root.name.startsWith("kiosk") ? previous : previous?.overrides;
      byKey.set(key, {
        key,
        file,
        root,
        service: service as ServiceDefinition["service"],
        overrides: core && { file: core.file, root: core.root },
      });
    }
  }
  return [...byKey.values()];
}
