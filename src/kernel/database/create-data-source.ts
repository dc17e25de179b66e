import fs from "node:fs";
import path from "node:path";
import { DataSource, type DataSourceOptions, type MigrationInterface } from "typeorm";
import type { ResolvedConfig } from "../config/resolved-config";
import { boundedPgClient } from "./bounded-pg-client";
import { disablePreparedStatements } from "./raw-sql";
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

/** Past the server's `statement_timeout`, how long a connection may stay silent before it counts as hung (ms). */
const HUNG_AFTER = 500;

/**
 * The project's single DataSource: SQLite (WAL, busy timeout, foreign keys) when
 * no database URL is set, PostgreSQL (pooled) otherwise. Every wait is bounded
 * by `database.*Timeout`: opening a connection, waiting for a pooled one (or for
 * SQLite's write lock), and a statement (cancelled by the server, and given up
 * on our side when the connection does not answer). Each migration runs in its
 * own transaction.
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
  const { statementTimeout, connectTimeout, poolTimeout } = config.database;
  let options: DataSourceOptions;
  if (dialect === "postgres") {
    options = {
      ...common,
      type: "postgres",
      url: config.database.url,
      poolSize: config.database.poolSize,
      extra: {
        Client: boundedPgClient({ connectTimeout, readTimeout: statementTimeout && statementTimeout + HUNG_AFTER }),
        // pg-pool's own bound: waiting for a free connection, or for a new one to open.
        connectionTimeoutMillis: poolTimeout,
        statement_timeout: statementTimeout,
        idle_in_transaction_session_timeout: 60_000,
        application_name: "kiosk",
        // The named prepared statements are JsonBatch's views (a cart, an order: dozens of subqueries over ids). PostgreSQL
        // would plan each execution afresh while its custom plans look cheaper than a generic one, and planning such a
        // view costs more than running it; one generic plan per connection is what preparing them is for. Only
        // prepared statements are affected (TypeORM's are unnamed), and not behind a pooler (`preparedStatements: false`).
        ...(config.database.preparedStatements ? { options: "-c plan_cache_mode=force_generic_plan" } : {}),
      },
    };
  } else {
    fs.mkdirSync(path.dirname(config.database.path), { recursive: true });
    options = {
      ...common,
      type: "better-sqlite3",
      database: config.database.path,
      enableWAL: true,
      timeout: poolTimeout,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma(`busy_timeout = ${poolTimeout}`);
        db.pragma("synchronous = NORMAL");
      },
    };
  }
  const dataSource = new DataSource(options);
  if (dialect === "sqlite") compareSqliteIntegersAsOne(dataSource);
  if (!config.database.preparedStatements) disablePreparedStatements(dataSource);
  return dataSource;
}
