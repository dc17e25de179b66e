import type { DataSource, QueryRunner } from "typeorm";
import { isTranslatable, translateCall, type SchemaChange } from "./schema-changes";

/** What the schema builder would do to bring the database in line with the entities. */
export interface RecordedSchemaChanges {
  changes: SchemaChange[];
  /** QueryRunner methods that produced SQL but cannot be generated (views, comments…). */
  unsupported: string[];
  /** The SQL TypeORM would run, as `migrate check` prints it. */
  statements: string[];
}

interface Recorded {
  method: string;
  changes: SchemaChange[] | undefined;
  producedSql: boolean;
}

/** The number of statements a runner in SQL-memory mode has collected so far. */
const memorySize = (runner: QueryRunner) =>
  (runner as unknown as { sqlInMemory: { upQueries: unknown[] } }).sqlInMemory.upQueries.length;

/**
 * Wraps the schema builder's QueryRunner: each call made on it is translated
 * (before it runs, as TypeORM mutates its arguments) and kept when it adds SQL.
 * Calls the runner makes on itself bypass the proxy, so only the builder's own are seen.
 */
function recordingRunner(runner: QueryRunner, log: Recorded[]): QueryRunner {
  return new Proxy(runner, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function" || typeof prop !== "string") return value;
      return (...args: unknown[]) => {
        const before = memorySize(target);
        const entry: Recorded = {
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

/**
 * Runs TypeORM's schema builder in log mode (nothing is executed) on an
 * initialized DataSource, recording the QueryRunner schema calls it makes.
 */
export async function recordSchemaChanges(dataSource: DataSource): Promise<RecordedSchemaChanges> {
  const builder = dataSource.driver.createSchemaBuilder();
  const log: Recorded[] = [];
  const createQueryRunner = dataSource.createQueryRunner;
  // The builder creates its one QueryRunner inside log(): hand it a recording one.
  dataSource.createQueryRunner = (...args) => {
    dataSource.createQueryRunner = createQueryRunner;
    return recordingRunner(createQueryRunner.apply(dataSource, args), log);
  };
  let statements: string[];
  try {
    statements = (await builder.log()).upQueries.map((q) => q.query);
  } finally {
    dataSource.createQueryRunner = createQueryRunner;
  }
  const made = log.filter((r) => r.producedSql);
  return {
    changes: made.flatMap((r) => r.changes ?? []),
    unsupported: [...new Set(made.filter((r) => !r.changes).map((r) => r.method))],
    statements,
  };
}
