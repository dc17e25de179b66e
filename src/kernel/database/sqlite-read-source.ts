import { DataSource } from "typeorm";

/**
 * A second, read-only connection to a project's SQLite file, for reads made
 * outside any transaction. SQLite in WAL mode lets a reader see the last
 * committed state while a writer works, but better-sqlite3 gives TypeORM one
 * connection, on which transactions take turns: without this, every read
 * would queue behind the write transactions ahead of it. Opened on first use.
 */
export class SqliteReadSource {
  private opened?: Promise<DataSource>;

  constructor(private readonly writer: DataSource) {}

  manager(): Promise<DataSource["manager"]> {
    this.opened ??= this.open();
    return this.opened.then((source) => source.manager);
  }

  async close(): Promise<void> {
    const source = await this.opened?.catch(() => undefined);
    if (source?.isInitialized) await source.destroy();
  }

  private async open(): Promise<DataSource> {
    const options = this.writer.options as DataSource["options"] & { database: string; timeout?: number };
    // The writer's busy timeout (`database.poolTimeout`).
    const timeout = options.timeout ?? 5000;
    const source = new DataSource({
      type: "better-sqlite3",
      database: options.database,
      entities: options.entities,
      readonly: true,
      timeout,
      logging: options.logging,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma(`busy_timeout = ${timeout}`);
      },
    });
    return source.initialize();
  }
}
