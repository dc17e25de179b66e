import fs from "node:fs";
import path from "node:path";
import { DataSource, type DataSourceOptions, type MigrationInterface } from "typeorm";
import type { ResolvedConfig } from "../config/resolved-config";
import { applyPortableColumnTypes, portableQueryRunner } from "./portable-types";
import { compareSqliteIntegersAsOne } from "./sqlite-integer-types";

type MigrationClass = new () => MigrationInterface;

/** Wraps a migration class so its QueryRunner maps portable column types. */
function portableMigration(Migration: MigrationClass, dialect: ResolvedConfig["database"]["dialect"]): MigrationClass {
  const name = (new Migration().name ?? Migration.name) as string;
  return class implements MigrationInterface {
    name = name;
    private readonly inner = new Migration();
    up(queryRunner: Parameters<MigrationInterface["up"]>[0]) {
      return this.inner.up(portableQueryRunner(queryRunner, dialect));
    }
    down(queryRunner: Parameters<MigrationInterface["down"]>[0]) {
      return this.inner.down(portableQueryRunner(queryRunner, dialect));
    }
  };
}

/**
 * The project's single DataSource: SQLite (WAL, busy timeout, foreign keys) when
 * no database URL is set, PostgreSQL (pooled, with statement timeouts) otherwise.
 * Each migration runs in its own transaction.
 */
export function createDataSource(
  config: ResolvedConfig,
  entities: Function[],
  migrations: MigrationClass[],
): DataSource {
  const { dialect } = config.database;
  applyPortableColumnTypes(dialect);
  const common = {
    entities,
    migrations: migrations.map((m) => portableMigration(m, dialect)),
    migrationsTableName: "kiosk_migrations",
    migrationsTransactionMode: "each" as const,
    logging: config.database.logging,
  };
  let options: DataSourceOptions;
  if (dialect === "postgres") {
    options = {
      ...common,
      type: "postgres",
      url: config.database.url,
      poolSize: config.database.poolSize,
      connectTimeoutMS: 5000,
      extra: {
        statement_timeout: 30_000,
        idle_in_transaction_session_timeout: 60_000,
        application_name: "kiosk",
      },
    };
  } else {
    fs.mkdirSync(path.dirname(config.database.path), { recursive: true });
    options = {
      ...common,
      type: "better-sqlite3",
      database: config.database.path,
      enableWAL: true,
      timeout: 5000,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma("busy_timeout = 5000");
        db.pragma("synchronous = NORMAL");
      },
    };
  }
  const dataSource = new DataSource(options);
  if (dialect === "sqlite") compareSqliteIntegersAsOne(dataSource);
  return dataSource;
}
