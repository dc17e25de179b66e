import path from "node:path";
import { camelCase } from "../container/naming";
import { listFiles } from "./discover-files";
import { defaultExport, importResource, shapeError } from "./import-resource";
import type { ResourceRoot } from "./resource-root";

/** A strategy and where it came from (a `strategies/*` file, or the config). */
export interface StrategyDefinition {
  /** `strategies/tax-calculation.ts` -> `taxCalculation`; registered as `taxCalculationStrategy`. */
  name: string;
  /** The file, or `kiosk.config` for one chosen in the config. */
  source: string;
  root?: ResourceRoot;
  /** An object implementing the strategy, or a class constructed with the cradle. */
  strategy: object;
}

/** The container key of a strategy: `taxCalculation` -> `taxCalculationStrategy`. */
export function strategyKey(name: string): string {
  return `${name}Strategy`;
}

/**
 * Strategies from `<root>/strategies/*`, keyed by file name: a core module ships the
 * default, a later root (a plugin, then the project) replaces it, and one named in the
 * config's `strategies` replaces them all.
 */
export function loadStrategies(roots: ResourceRoot[], exts: string[], configured: Record<string, object>): StrategyDefinition[] {
  const byName = new Map<string, StrategyDefinition>();
  for (const root of roots) {
    for (const file of listFiles(path.join(root.dir, "strategies"), exts)) {
      const strategy = defaultExport(importResource(file));
      if ((typeof strategy !== "object" && typeof strategy !== "function") || strategy === null) {
        throw shapeError(file, "a default export that is a strategy object or class");
      }
      const name = camelCase(path.basename(file).replace(/\.(ts|js)$/, ""));
      byName.set(name, { name, source: file, root, strategy });
    }
  }
  for (const [name, strategy] of Object.entries(configured)) byName.set(name, { name, source: "kiosk.config", strategy });
  return [...byName.values()];
}
