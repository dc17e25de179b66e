import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Logger } from "pino";
import { loadApplication, type Application } from "../application";
import { KioskStartupError } from "../errors";
import type { EventBus } from "../events/event-bus";
import { createEventBus, type EventsInfrastructure } from "../events/create-event-bus";
import { resolveRedisPrefix } from "../events/redis-prefix";
import { OutboxDispatcher } from "../events/outbox-dispatcher";
import { UnitOfWork } from "../events/unit-of-work";
import { SqliteReadSource } from "../database/sqlite-read-source";
import { createHttpApp } from "../http/create-http-app";
import { assertServableCors } from "../http/cors-origins";
import { readinessHandler } from "../http/readiness";
import { createJobScheduler } from "../jobs/create-job-scheduler";
import type { JobScheduler } from "../jobs/job-scheduler";
import { loadJobs } from "../loaders/load-jobs";
import { loadStartupHooks } from "../loaders/load-startup-hooks";
import { pluginError } from "../loaders/plugin-roots";
import { createLogger } from "../logger";
import { SignInLimiter } from "../auth/sign-in-limiter";
import { TokenVersionCache } from "../auth/token-version-cache";
import { runBootSteps, type BootStep } from "./boot-steps";
import { connectDatabase, openProject, type Project, type ProjectOptions } from "./project";
import { closeGracefully } from "./close-gracefully";

/** Options of `startKernel`. */
export interface KernelOptions extends ProjectOptions {
  /** Open the HTTP port (default true). Port 0 picks a free one. */
  listen?: boolean;
  host?: string;
  logger?: Logger;
  /** Runs once the database is open, before anything reads it (tests run migrations here). */
  beforeApplication?: (project: Project) => Promise<void>;
  /**
   * Run the background work of a server: the Redis subscriber worker, the outbox
   * sweeper and scheduled jobs. Default: true when listening; one-off commands
   * (`listen: false`) only publish their events.
   */
  background?: boolean;
  /**
   * Without Redis, load the scheduled jobs but run none until `runScheduledJobs()`:
   * the workers of `kiosk start --cluster N`, of which the primary chooses one.
   */
  jobsStandby?: boolean;
}

interface KernelState {
  options: KernelOptions;
  logger?: Logger;
  project?: Project;
  eventBus?: EventBus;
  events?: EventsInfrastructure;
  dispatcher?: OutboxDispatcher;
  unitOfWork?: UnitOfWork;
  sqliteReads?: SqliteReadSource;
  application?: Application;
  server?: Server;
  scheduler?: JobScheduler;
  tokenVersionCache?: TokenVersionCache;
  signInLimiter?: SignInLimiter;
}

type RunningState = Required<Omit<KernelState, "server" | "logger" | "scheduler" | "sqliteReads">> & {
  logger: Logger;
  server?: Server;
  scheduler?: JobScheduler;
};

/** A running project: its database, bus, current application generation and HTTP server. */
export class Kernel {
  private disposeSteps: () => Promise<void> = async () => {};

  private constructor(private readonly state: RunningState) {}

  get project(): Project {
    return this.state.project;
  }
  get logger(): Logger {
    return this.state.logger;
  }
  /** The current generation's route files (path and methods), for tools and tests. */
  get routes(): { path: string; methods: string[] }[] {
    return this.state.application.routes.map((r) => ({ path: r.path, methods: Object.keys(r.handlers) }));
  }
  /** The current generation's container (services resolved from here). */
  get container() {
    return this.state.application.container;
  }
  get outbox(): OutboxDispatcher {
    return this.state.dispatcher;
  }
  get server(): Server | undefined {
    return this.state.server;
  }
  /** `http://127.0.0.1:<port>` once listening. */
  get url(): string {
    const address = this.state.server?.address() as AddressInfo | null;
    if (!address) throw new Error("the kernel is not listening");
    return `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  }

  /** Boots a project: one table of named steps, each with its own dispose, run in order. */
  static async start(options: KernelOptions): Promise<Kernel> {
    const state: KernelState = { options, logger: options.logger };
    const steps: BootStep<KernelState>[] = [
      {
        name: "project",
        load: (s) => {
          s.project = openProject(s.options);
          if (s.options.listen !== false) assertServableCors(s.project.config);
          s.logger ??= createLogger(s.project.config.env);
        },
      },
      {
        name: "database",
        load: async (s) => {
          const { dataSource } = s.project!;
          await connectDatabase(s.project!);
          await s.options.beforeApplication?.(s.project!);
          if (await dataSource.showMigrations()) {
            s.logger!.warn("the database has pending migrations: run `kiosk migrate`");
          }
        },
        dispose: (s) => s.project!.dataSource.destroy(),
      },
      {
        name: "events",
        load: async (s) => {
          const { config } = s.project!;
          if (config.redisUrl) await resolveRedisPrefix(s.project!, s.logger!);
          s.events = createEventBus(config, s.logger!, background(s.options));
          s.eventBus = s.events.bus;
          s.dispatcher = new OutboxDispatcher(s.project!.dataSource, s.eventBus, s.logger!);
          const { dataSource, config: projectConfig } = s.project!;
          s.sqliteReads = projectConfig.database.dialect === "sqlite" ? new SqliteReadSource(dataSource) : undefined;
          s.unitOfWork = new UnitOfWork(dataSource, s.dispatcher, s.sqliteReads);
          // Redis down at boot does not stop the server: events wait in the outbox.
          if (s.events.redis && !(await s.events.redis.waitUntilReady(config.redis.commandTimeout))) {
            s.logger!.warn("Redis is not reachable yet: events stay in the outbox until it is");
          }
        },
        dispose: async (s) => {
          await s.dispatcher!.drain();
          await s.events!.close();
          await s.sqliteReads?.close();
        },
      },
      {
        name: "auth",
        load: (s) => {
          const { auth } = s.project!.config;
          s.tokenVersionCache = new TokenVersionCache(auth.accountCacheTtl);
          s.signInLimiter = new SignInLimiter(auth.rateLimit, s.events!.redis, s.logger!);
        },
      },
      {
        name: "application",
        load: (s) => {
          s.application = loadApplication(s.project!.roots, s.project!.exts, infrastructure(s));
          logOverrides(s.application, s.project!.config.projectDir, s.logger!);
          s.eventBus!.setSubscriptions(s.application.subscriptions);
        },
      },
      {
        name: "startup hooks",
        load: async (s) => {
          for (const hook of loadStartupHooks(s.project!.roots, s.project!.exts)) {
            try {
              await hook.run({ container: s.application!.container, options: hook.root.options ?? {} });
            } catch (err) {
              // A plugin's loader that throws stops start-up naming the plugin.
              throw pluginError(hook.file, "KIOSK_PLUGIN_LOADER", err) ?? err;
            }
          }
        },
      },
      {
        name: "outbox",
        load: async (s) => {
          // Before the first `kiosk migrate` there is no outbox yet: nothing to flush.
          const runner = s.project!.dataSource.createQueryRunner();
          const ready = await runner.hasTable("kiosk_outbox").finally(() => runner.release());
          if (!ready) return;
          await s.dispatcher!.flushPending();
          const { sweepInterval, sweepGrace } = s.project!.config.events;
          if (background(s.options)) s.dispatcher!.startSweeper({ interval: sweepInterval, grace: sweepGrace });
        },
        dispose: (s) => s.dispatcher!.stopSweeper(),
      },
      {
        name: "jobs",
        load: async (s) => {
          if (!background(s.options)) return;
          const jobs = loadJobs(s.project!.roots, s.project!.exts);
          s.scheduler = createJobScheduler(s.project!.config, s.events!.redis, () => s.application!.container, s.logger!, s.options.jobsStandby);
          await s.scheduler.setJobs(jobs);
        },
        dispose: (s) => s.scheduler?.close(),
      },
      {
        name: "http",
        load: async (s) => {
          if (s.options.listen === false) return;
          const ready = readinessHandler(s.project!.dataSource, s.events!.redis);
          const app = createHttpApp(s.project!.config, s.logger!, () => s.application!, ready);
          s.server = await listen(app, s.project!.config.http.port, s.options.host);
        },
        dispose: (s) => (s.server ? closeGracefully(s.server) : undefined),
      },
    ];
    const dispose = await runBootSteps(steps, state);
    const kernel = new Kernel(state as RunningState);
    kernel.disposeSteps = dispose;
    return kernel;
  }

  /**
   * Reloads services, routes, middlewares, subscribers and jobs from disk (for
   * `kiosk develop`), keeping the database, the bus and the server. Project files
   * other than models and migrations are evicted from the require cache first.
   * If loading fails, the previous generation keeps serving and the error is thrown.
   */
  reload(): Application {
    const { project } = this.state;
    const projectRoot = project.roots[project.roots.length - 1].dir + path.sep;
    const keep = ["models", "migrations"].map((d) => path.join(projectRoot, d) + path.sep);
    for (const file of Object.keys(require.cache)) {
      if (file.startsWith(projectRoot) && !keep.some((k) => file.startsWith(k))) delete require.cache[file];
    }
    const jobs = this.state.scheduler ? loadJobs(project.roots, project.exts) : [];
    const next = loadApplication(project.roots, project.exts, infrastructure(this.state));
    this.state.application = next;
    this.state.eventBus.setSubscriptions(next.subscriptions);
    void this.state.scheduler?.setJobs(jobs);
    return next;
  }

  /**
   * Runs the scheduled jobs in this process, for a kernel started with `jobsStandby`.
   * Returns false when there is nothing to do here: Redis runs each tick once across
   * every process already, or the kernel runs no background work.
   */
  runScheduledJobs(): boolean {
    if (!this.state.scheduler?.setActive) return false;
    this.state.scheduler.setActive(true);
    return true;
  }

  /** Stops accepting connections, finishes in-flight requests and events, closes the database. */
  async shutdown(): Promise<void> {
    await this.disposeSteps();
  }
}

/** One info line per core service a plugin or the project replaces, so an override is never silent. */
function logOverrides(application: Application, projectDir: string, logger: Logger): void {
  for (const { key, file, root } of application.overrides) {
    const where = root.name === "project" ? path.relative(projectDir, file).split(path.sep).join("/") : `${root.name} (${file})`;
    logger.info({ service: key, file }, `${key}: ${where} overrides the core service`);
  }
}

/** Whether this kernel runs workers, the sweeper and scheduled jobs (see `KernelOptions.background`). */
function background(options: KernelOptions): boolean {
  return options.background ?? options.listen !== false;
}

function infrastructure(s: KernelState): Record<string, unknown> {
  return {
    config: s.project!.config,
    logger: s.logger,
    dataSource: s.project!.dataSource,
    manager: s.project!.dataSource.manager,
    eventBus: s.eventBus,
    unitOfWork: s.unitOfWork,
    tokenVersionCache: s.tokenVersionCache,
    signInLimiter: s.signInLimiter,
  };
}

function listen(app: import("express").Express, port: number, host = "127.0.0.1"): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once("listening", () => resolve(server));
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        new KioskStartupError(
          "KIOSK_PORT_IN_USE",
          err.code === "EADDRINUSE" ? `port ${port} is already in use` : `cannot listen on ${host}:${port}: ${err.message}`,
        ),
      ),
    );
  });
}

/** Boots a project and serves it. */
export function startKernel(options: KernelOptions): Promise<Kernel> {
  return Kernel.start(options);
}
