import { Kernel } from "./boot/kernel";

/** A project booted in-process on a free port, for tests. */
export interface TestServer {
  kernel: Kernel;
  url: string;
  /** `fetch` against the server, with a JSON body when given. */
  request(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/**
 * Boots a project in-process (TypeScript source, test env, free port) and runs
 * its pending migrations first. Pass `databaseUrl` for PostgreSQL; otherwise the
 * project's SQLite file is used.
 */
export async function startTestServer(options: { projectDir: string; databaseUrl?: string; migrate?: boolean }): Promise<TestServer> {
  const kernel = await Kernel.start({
    projectDir: options.projectDir,
    databaseUrl: options.databaseUrl,
    env: "test",
    typescript: true,
    port: 0,
    beforeApplication: options.migrate === false ? undefined : (project) => project.dataSource.runMigrations().then(() => undefined),
  });
  const url = kernel.url;
  return {
    kernel,
    url,
    async request(path, init = {}) {
      const res = await fetch(url + path, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
        body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, body, headers: res.headers };
    },
    close: () => kernel.shutdown(),
  };
}
