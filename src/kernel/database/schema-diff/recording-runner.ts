import type { QueryRunner } from "typeorm";
import { isTranslatable, translateCall, type SchemaChange } from "./schema-changes";

/** One call the schema builder made on its QueryRunner. */
export interface RecordedCall {
  method: string;
  /** The call as migration code, or undefined when it cannot be generated. */
  changes: SchemaChange[] | undefined;
  /** Whether the call added SQL (a call that finds nothing to do adds none). */
  producedSql: boolean;
}

/**
 * The number of statements a runner in SQL-memory mode has collected so far.
 * `sqlInMemory` is TypeORM's, not public API: this is the one place it is read.
 */
const memorySize = (runner: QueryRunner) =>
  (runner as unknown as { sqlInMemory: { upQueries: unknown[] } }).sqlInMemory.upQueries.length;

/**
 * Wraps the schema builder's QueryRunner: each call made on it is translated
 * (before it runs, as TypeORM mutates its arguments) and kept when it adds SQL.
 * Calls the runner makes on itself bypass the proxy, so only the builder's own are seen.
 */
export function recordingRunner(runner: QueryRunner, log: RecordedCall[]): QueryRunner {
  return new Proxy(runner, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function" || typeof prop !== "string") return value;
      return (...args: unknown[]) => {
        const before = memorySize(target);
        const entry: RecordedCall = {
          method: prop,
          changes: isTranslatable(prop) ? translateCall(prop, args) : undefined,
          producedSql: false,
        };
        const result = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        log.push(entry);
        return result.then((r) => {
          entry.producedSql = memorySize(target) > before;
          return r;
        });
      };
    },
  });
}
