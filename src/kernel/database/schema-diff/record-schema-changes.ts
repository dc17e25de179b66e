import type { DataSource } from "typeorm";
import { recordingRunner, type RecordedCall } from "./recording-runner";
import type { SchemaChange } from "./schema-changes";

/** What the schema builder would do to bring the database in line with the entities. */
export interface RecordedSchemaChanges {
  changes: SchemaChange[];
  /** QueryRunner methods that produced SQL but cannot be generated (views, comments…). */
  unsupported: string[];
  /** The SQL TypeORM would run, as `migrate check` prints it. */
  statements: string[];
}

/**
 * Runs TypeORM's schema builder in log mode (nothing is executed) on an
 * initialized DataSource, recording the QueryRunner schema calls it makes.
 */
export async function recordSchemaChanges(dataSource: DataSource): Promise<RecordedSchemaChanges> {
  const builder = dataSource.driver.createSchemaBuilder();
  const log: RecordedCall[] = [];
  const createQueryRunner = dataSource.createQueryRunner;
  // The builder creates its one QueryRunner inside log(): hand it a recording one, once.
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
