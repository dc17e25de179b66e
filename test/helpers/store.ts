import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createStore, REPO } from "./create-store";
import { kiosk } from "./kiosk";
import { copyFixture, removeProject } from "./fixture-project";
import { suiteDatabase } from "./databases";

export type Server = Awaited<ReturnType<typeof kiosk.startTestServer>>;

export const ADMIN = { email: "admin@kiosk.test", password: "supersecret" };

/** Options of `startStore`. */
export interface StoreOptions {
  /** The fixture to copy (default `store`). */
  fixture?: string;
  /** Written over the fixture's `kiosk.config.ts` as `export default <config>`. */
  config?: Record<string, unknown>;
  /** The URL the server connects with, given the suite database's (e.g. through a TCP proxy). */
  connectUrl?: (url: string) => string;
  /**
   * Boot a store made by `create-store <dir> --yes --no-install --no-git` (the
   * starter exactly as a user gets it, this checkout linked as its `kiosk`)
   * instead of a fixture.
   */
  scaffold?: boolean;
  /** Runs in the project folder before it boots (to generate an entity, say). */
  prepare?: (dir: string) => void | Promise<void>;
}

/** A store rendered by the real `create-store` bin, with this checkout linked as its `kiosk` dependency. */
async function scaffoldStore(): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-scaffold-"));
  const created = await createStore(root, ["shop", "--yes", "--no-install", "--no-git"]);
  if (created.status !== 0) throw new Error(`create-store failed: ${created.stderr || created.stdout}`);
  const dir = path.join(root, "shop");
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.symlinkSync(REPO, path.join(dir, "node_modules", "kiosk"), "dir");
  return dir;
}

/**
 * A booted `store` fixture (the core modules alone; or another fixture, such as
 * `card-store`) on the given database, with one admin user, and request helpers
 * that send the admin's bearer token.
 */
export async function startStore(db: "sqlite" | "postgres", label: string, options: StoreOptions = {}) {
  const dir = options.scaffold ? await scaffoldStore() : copyFixture(options.fixture ?? "store");
  if (options.config) fs.writeFileSync(path.join(dir, "kiosk.config.ts"), `export default ${JSON.stringify(options.config)};\n`);
  await options.prepare?.(dir);
  const database = await suiteDatabase(db, label);
  let server: Server | undefined;
  try {
    const url = database.url && options.connectUrl ? options.connectUrl(database.url) : database.url;
    server = await kiosk.startTestServer({ projectDir: dir, databaseUrl: url });
    await server.kernel.container.resolve<any>("userService").create(ADMIN);
    const login = await server.request("/admin/auth/token", { body: ADMIN });
    if (login.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);
    const adminHeaders = { authorization: `Bearer ${login.body.access_token}` };
    const s = server;
    return {
      dir,
      server: s,
      request: s.request,
      adminHeaders,
      /** A request to `/admin…` with the admin's token. */
      admin: (path: string, init: Parameters<Server["request"]>[1] = {}) =>
        s.request(path, { ...init, headers: { ...adminHeaders, ...init.headers } }),
      close: async () => {
        await s.close();
        await database.drop();
        removeProject(options.scaffold ? path.dirname(dir) : dir);
      },
    };
  } catch (err) {
    await server?.close();
    await database.drop();
    removeProject(options.scaffold ? path.dirname(dir) : dir);
    throw err;
  }
}

export type Store = Awaited<ReturnType<typeof startStore>>;
