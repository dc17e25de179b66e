import { kiosk } from "./kiosk";
import { copyFixture, removeProject } from "./fixture-project";
import { suiteDatabase } from "./databases";

export type Server = Awaited<ReturnType<typeof kiosk.startTestServer>>;

export const ADMIN = { email: "admin@kiosk.test", password: "supersecret" };

/**
 * A booted `store` fixture (the core modules alone; or another fixture, such as
 * `card-store`) on the given database, with one admin user, and request helpers
 * that send the admin's bearer token.
 */
export async function startStore(db: "sqlite" | "postgres", label: string, options: { fixture?: string } = {}) {
  const dir = copyFixture(options.fixture ?? "store");
  const database = await suiteDatabase(db, label);
  let server: Server | undefined;
  try {
    server = await kiosk.startTestServer({ projectDir: dir, databaseUrl: database.url });
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
        removeProject(dir);
      },
    };
  } catch (err) {
    await server?.close();
    await database.drop();
    removeProject(dir);
    throw err;
  }
}

export type Store = Awaited<ReturnType<typeof startStore>>;
