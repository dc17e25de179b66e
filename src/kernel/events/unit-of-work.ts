import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, EntityManager } from "typeorm";
import type { SqliteReadSource } from "../database/sqlite-read-source";
import { generateId } from "../ids";
import { OutboxEvent } from "../schema/models/outbox-event";
import type { EventMessage } from "./event-bus";
import type { KioskEventName, KioskEvents } from "./kiosk-events";
import type { OutboxDispatcher } from "./outbox-dispatcher";

/** The explicit context a service method works in: the transaction's manager and its event stager. */
export interface TransactionContext {
  manager: EntityManager;
  /** Stages an event declared in `KioskEvents`; it is published only if the transaction commits. */
  emit<K extends KioskEventName>(name: K, data: KioskEvents[K]): void;
  /**
   * Stages an event `KioskEvents` does not declare (a name known only at run
   * time), unchecked. Prefer declaring the event.
   */
  emitUnchecked(name: string, data: unknown): void;
}

/**
 * Runs work in one database transaction and publishes the events it staged
 * after commit (outbox rows written in the same transaction). A rollback
 * discards both the data and the events. Registered as `unitOfWork`.
 *
 * A `run` inside another `run` (one service calling another) joins the outer
 * transaction, so a workflow spanning services commits or rolls back as one
 * and its events are published once, after the outer commit.
 */
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<TransactionContext>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    private readonly sqliteReads?: SqliteReadSource,
  ) {}

  /**
   * Runs `work` in a transaction, or inside the caller's own transaction when
   * there is one: the transaction travels with the async call chain
   * (AsyncLocalStorage), never as an argument.
   */
  async run<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer);
    return this.serialized ? this.oneAtATime(() => this.transaction(work)) : this.transaction(work);
  }

  /**
   * Runs reads. Inside the caller's transaction they see its writes. Outside
   * one they need none: on PostgreSQL each statement takes a pooled connection
   * only for itself (no BEGIN and COMMIT, no connection held while JavaScript
   * renders the result); on SQLite they go to a read-only connection, so they
   * never wait behind the write transactions that take turns on the main one.
   * For reads of one consistent state use one statement (`JsonBatch`), or `run`.
   */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer.manager);
    if (this.sqliteReads) return work(await this.sqliteReads.manager());
    return work(this.dataSource.manager);
  }

  /**
   * Runs ONE write statement that needs no transaction around it (a single
   * UPDATE is atomic by itself) and stages no event: inside the caller's
   * transaction it joins it; otherwise, on PostgreSQL, it goes straight to the
   * pool (one round trip instead of BEGIN, the statement and COMMIT), and on
   * SQLite it takes its turn like a transaction, since the one connection may
   * be inside another.
   */
  statement<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer.manager);
    if (this.serialized) return this.run((tx) => work(tx.manager));
    return work(this.dataSource.manager);
  }

  /** Whether the caller runs inside a transaction (where no network call may be made). */
  get active(): boolean {
    return this.current.getStore() !== undefined;
  }

  /**
   * better-sqlite3 has one connection, so TypeORM hands every transaction the
   * same query runner: two overlapping transactions would become one transaction
   * and a savepoint, and a rollback could undo work already answered. On SQLite
   * top-level transactions therefore take turns.
   */
  private get serialized(): boolean {
    return this.dataSource.options.type === "better-sqlite3";
  }

  private tail: Promise<unknown> = Promise.resolve();

  private oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async transaction<T>(work: (tx: TransactionContext) => Promise<T>): Promise<T> {
    const staged: EventMessage[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const stage = (name: string, data: unknown) => {
        if (this.dispatcher.wanted(name)) staged.push({ id: generateId("evt"), name, data });
      };
      const tx: TransactionContext = { manager, emit: stage, emitUnchecked: stage };
      const value = await this.current.run(tx, () => work(tx));
      if (staged.length) {
        const now = new Date();
        await manager.insert(
          OutboxEvent,
          staged.map((m) => ({ id: m.id, name: m.name, data: JSON.stringify(m.data ?? null), created_at: now })),
        );
      }
      return value;
    });
    if (staged.length) void this.dispatcher.dispatch(staged);
    return result;
  }

  /** Stages and publishes an event outside any other work (one short transaction). */
  emit<K extends KioskEventName>(name: K, data: KioskEvents[K]): Promise<void> {
    return this.run(async (tx) => tx.emit(name, data));
  }

  /** `emit` for an event `KioskEvents` does not declare, unchecked (see `TransactionContext.emitUnchecked`). */
  emitUnchecked(name: string, data: unknown): Promise<void> {
    return this.run(async (tx) => tx.emitUnchecked(name, data));
  }
}
