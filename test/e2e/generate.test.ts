import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, suiteDatabase } from "../helpers/databases";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kiosk as kioskPackage } from "../helpers/kiosk";
import { KIOSK_BIN, kioskIn, run } from "../helpers/processes";

const REPO = path.resolve(__dirname, "..", "..");
const TSC = path.join(REPO, "node_modules", ".bin", "tsc");
const VITEST = path.join(REPO, "node_modules", ".bin", "vitest");

/** The dev dependencies a created project has installed (types for tsc, vitest for its tests), linked from this repo. */
function linkDevDependencies(dir: string): void {
  for (const name of ["vitest", "@types/node"]) {
    const target = path.join(dir, "node_modules", name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(REPO, "node_modules", name), target, "dir");
  }
}


/** The action log as `[action, path]` pairs. */
const log = (stdout: string) =>
  stdout
    .split("\n")
    .filter((l) => /^(create|update|identical|skip|conflict|remove)\s/.test(l))
    .map((l) => l.split(/\s+/).slice(0, 2));

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const exists = (dir: string, file: string) => fs.existsSync(path.join(dir, file));

const AUTHOR = ["entity", "Author", "name:string", "email:string:unique", "bio:text?", "--crud"];
const POST = [
  "entity",
  "Post",
  "title:string",
  "body:text?",
  "views:int:index",
  "rating:float",
  "price:decimal?",
  "shares:bigint?",
  "published:boolean",
  "published_on:date?",
  "published_at:datetime?",
  "meta:json?",
  "ref:uuid?",
  "status:enum(draft|published)",
  "author:belongs-to",
  "--crud",
];
const OTHERS = [
  ["service", "Mailer"],
  ["route", "store/reviews/[id]", "--methods", "get,post"],
  ["subscriber", "post-published", "--event", "post.created", "--event", "post.updated"],
  ["job", "nightly-report", "--schedule", "0 3 * * *"],
  ["migration", "add-thing"],
  ["plugin", "loyalty"],
];

/** What `generate entity Post … author:belongs-to` adds to the Author model, to the character. */
const AUTHOR_WITH_POSTS = `import { Column, Entity, KioskEntity, OneToMany } from "kiosk";
import type { Post } from "./post";

/** An author. */
@Entity("author")
export class Author extends KioskEntity {
  static idPrefix = "author";

  @Column({ type: "varchar" })
  name: string;

  @Column({ type: "varchar", unique: true })
  email: string;

  @Column({ type: "text", nullable: true })
  bio: string | null;

  @OneToMany("Post", "author")
  posts?: Post[];
}
`;

describe("kiosk generate: dry runs, conflicts, names and destroy", () => {
  let dir: string;
  let kiosk: ReturnType<typeof kioskIn>;

  beforeAll(() => {
    dir = copyFixture("app");
    kiosk = kioskIn(dir);
  });
  afterAll(() => dir && removeProject(dir));

  it("--dry-run prints every file with a diff and writes nothing", () => {
    const before = fs.readdirSync(path.join(dir, "src"));
    const r = kiosk("generate", "entity", "Tag", "label:string", "--crud", "--dry-run");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(log(r.stdout).map(([a]) => a)).toEqual(Array(7).fill("create"));
    expect(r.stdout).toContain("--- /dev/null\n+++ b/src/models/tag.ts\n@@ -0,0 +1,10 @@\n+import { Column, Entity, KioskEntity } from \"kiosk\";");
    expect(r.stdout).toContain('+  @Column({ type: "varchar" })\n+  label: string;');
    expect(r.stdout.trim().split("\n").pop()).toBe("dry run: nothing written");
    expect(fs.readdirSync(path.join(dir, "src"))).toEqual(before);
    expect(exists(dir, "test")).toBe(false);
  });

  it("writes once, then finds every file identical", () => {
    const first = kiosk("g", "subscriber", "audit", "--event", "user.created");
    expect(first.stderr).toBe("");
    expect(log(first.stdout)).toEqual([["create", "src/subscribers/audit.ts"]]);
    const second = kiosk("g", "subscriber", "audit", "--event", "user.created");
    expect(second.stderr).toBe("");
    expect(second.status).toBe(0);
    expect(log(second.stdout)).toEqual([["identical", "src/subscribers/audit.ts"]]);
  });

  it("refuses to overwrite a changed file (conflict, non-zero, nothing written) unless --force", () => {
    const file = path.join(dir, "src", "subscribers", "audit.ts");
    fs.writeFileSync(file, "// mine\n");
    const refused = kiosk("g", "subscriber", "audit", "--event", "user.created", "--event", "user.deleted");
    expect(refused.status).not.toBe(0);
    expect(log(refused.stdout)).toEqual([["conflict", "src/subscribers/audit.ts"]]);
    expect(refused.stderr.trim()).toBe(
      "kiosk: src/subscribers/audit.ts exists and differs: nothing written (--force overwrites it) [KIOSK_GENERATE_CONFLICT]",
    );
    expect(fs.readFileSync(file, "utf8")).toBe("// mine\n");

    const forced = kiosk("g", "subscriber", "audit", "--event", "user.created", "--event", "user.deleted", "--force");
    expect(forced.status).toBe(0);
    expect(log(forced.stdout)).toEqual([["update", "src/subscribers/audit.ts"]]);
    expect(fs.readFileSync(file, "utf8")).toContain('export default defineSubscriber(["user.created", "user.deleted"], async function audit(');
  });

  it.each([
    ["class", 'invalid entity name "class": "class" is a reserved word in JavaScript'],
    ["1thing", 'invalid entity name "1thing": a name must start with a letter'],
    ["Product", 'invalid entity name "Product": Kiosk\'s core already has the entity "product" (Product); pick another name'],
    ["order", 'invalid entity name "order": "order" is a reserved word in SQL'],
  ])("refuses the entity name %j in one line, writing nothing", (name, message) => {
    const before = fs.readdirSync(path.join(dir, "src"));
    const r = kiosk("g", "entity", name, "title:string");
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`kiosk: ${message} [KIOSK_INVALID_NAME]\n`);
    expect(fs.readdirSync(path.join(dir, "src"))).toEqual(before);
  });

  it.each([
    [["job", "x", "--schedule", "61 * * * *"], 'invalid schedule "61 * * * *": minute 61 is outside 0-59 [KIOSK_INVALID_SCHEDULE]'],
    [["job", "x", "--schedule", "* * *"], /has 5 fields .* or 6 \(seconds first\), got 3 \[KIOSK_INVALID_SCHEDULE\]/],
    [["entity", "Thing", "title:strin"], /invalid field "title:strin": unknown type "strin"; use string, text/],
    [["entity", "Thing", "writer:belongs-to"], /no entity Writer in src\/models\/writer.ts or in Kiosk's core; generate it first/],
    [["route", "store/Bad"], /"Bad" is not a lower-case word/],
    [["subscriber", "audit-2"], /give the event it handles: --event order.placed/],
  ])("refuses bad arguments: %j", (args, message) => {
    const r = kiosk("g", ...args);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    if (typeof message === "string") expect(r.stderr.trim()).toBe(`kiosk: ${message}`);
    else expect(r.stderr).toMatch(message);
  });

  it("generates a subclass of the core service for a core service's name, and says it overrides it", () => {
    const r = kiosk("g", "service", "Cart");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(log(r.stdout)).toEqual([["create", "src/services/cart.ts"]]);
    expect(r.stdout).toMatch(/note\s+cartService is a core service: src\/services\/cart.ts overrides it, as a subclass of the core CartService/);
    const source = read(dir, "src/services/cart.ts");
    expect(source).toContain('import { CartService as CoreCartService } from "kiosk";');
    expect(source).toContain("export default class CartService extends CoreCartService {}");
    // The class it extends is what "kiosk" exports, and the container would register it as cartService.
    expect(typeof kioskPackage.CartService).toBe("function");
    expect(kiosk("d", "service", "Cart").status).toBe(0);
    expect(exists(dir, "src/services/cart.ts")).toBe(false);
  });

  it("accepts a 6-field cron with names and steps", () => {
    const r = kiosk("g", "job", "weekday-sync", "--schedule", "0 */15 9-17 * jan-jun mon-fri");
    expect(r.stderr).toBe("");
    expect(read(dir, "src/jobs/weekday-sync.ts")).toContain('schedule: "0 */15 9-17 * jan-jun mon-fri"');
    expect(read(dir, "src/jobs/weekday-sync.ts")).toContain("(second minute hour day-of-month month day-of-week)");
  });

  it("destroy refuses, naming the file and removing nothing, once generated code was changed", () => {
    expect(kiosk("g", "entity", "Badge", "label:string", "--crud").status).toBe(0);
    fs.appendFileSync(path.join(dir, "src", "services", "badge.ts"), "// changed by hand\n");
    const refused = kiosk("destroy", "entity", "Badge", "label:string", "--crud");
    expect(refused.status).not.toBe(0);
    expect(refused.stderr.trim()).toBe(
      "kiosk: src/services/badge.ts: changed since it was generated; nothing removed [KIOSK_DESTROY_CONFLICT]",
    );
    expect(log(refused.stdout)).toContainEqual(["conflict", "src/services/badge.ts"]);
    expect(log(refused.stdout)).toContainEqual(["remove", "src/models/badge.ts"]);
    for (const file of ["src/models/badge.ts", "src/services/badge.ts", "src/api/admin/badges/route.ts", "test/badge.test.ts"]) {
      expect(exists(dir, file)).toBe(true);
    }
    // Another argument list renders other files: that is a change too.
    expect(kiosk("destroy", "entity", "Badge", "label:text").status).not.toBe(0);
    expect(exists(dir, "src/models/badge.ts")).toBe(true);
  });

  it("answers --help with an example for every generator, for generate and destroy", () => {
    // Every subcommand's help is built from its generator's schema by one function: two samples cover it.
    for (const [command, generator] of [["generate", "entity"], ["destroy", "plugin"]]) {
      const r = run(process.execPath, [KIOSK_BIN, command, generator, "--help"]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("-C, --cwd <dir>");
      expect(r.stdout).toContain("--dry-run");
      expect(r.stdout).toMatch(new RegExp(`Examples?:\\n  \\$ kiosk ${command} ${generator} `));
    }
    const list = run(process.execPath, [KIOSK_BIN, "g", "--help"]).stdout;
    for (const generator of ["entity", "service", "route", "subscriber", "migration", "job", "plugin"]) {
      expect(list).toMatch(new RegExp(`^  ${generator} \\[options\\] <`, "m"));
    }
  });
});

describe("kiosk generate end to end", () => {
  /** The project every generator wrote into; each database gets a copy of it. */
  let generated: string;
  let authorAlone: string;
  let configBefore: string;

  beforeAll(() => {
    generated = copyFixture("app");
    linkDevDependencies(generated);
    configBefore = read(generated, "kiosk.config.ts");
  });
  afterAll(() => generated && removeProject(generated));

  it("runs every generator; a second run finds everything identical", () => {
    const dir = generated;
    const kiosk = kioskIn(dir);
    const author = kiosk("g", ...AUTHOR);
    expect(author.stderr).toBe("");
    expect(log(author.stdout).map(([a, f]) => `${a} ${f.replace(/\d{13}/, "<ts>")}`)).toEqual([
      "create src/models/author.ts",
      "create src/migrations/<ts>-create-author.ts",
      "create src/services/author.ts",
      "create src/api/admin/authors/route.ts",
      "create src/api/admin/authors/[id]/route.ts",
      "create src/api/admin/authors/validators.ts",
      "create test/author.test.ts",
    ]);
    authorAlone = read(dir, "src/models/author.ts");

    const post = kiosk("g", ...POST);
    expect(post.stderr).toBe("");
    expect(log(post.stdout).pop()).toEqual(["update", "src/models/author.ts"]);
    expect(read(dir, "src/models/author.ts")).toBe(AUTHOR_WITH_POSTS);
    const model = read(dir, "src/models/post.ts");
    expect(model).toContain('export const POST_STATUSES = ["draft", "published"] as const;');
    expect(model).toContain('  @Index()\n  @Column({ type: "varchar" })\n  author_id: string;\n\n  @ManyToOne("Author", "posts")\n  @JoinColumn({ name: "author_id" })\n  author?: Author;\n}\n');

    for (const args of OTHERS) {
      const r = kiosk("g", ...args);
      expect(r.stderr, args.join(" ")).toBe("");
      expect(r.status).toBe(0);
    }
    expect(read(dir, "kiosk.config.ts")).toContain('export default defineConfig({\n  plugins: [{ resolve: "./plugins/loyalty" }],\n});');

    // Again: the entity with an edit on another file, the plugin with its config edit, and a plain one.
    for (const args of [POST, OTHERS[3], OTHERS[5]]) {
      const again = kiosk("g", ...args);
      expect(again.status).toBe(0);
      expect(new Set(log(again.stdout).map(([a]) => a)), args.join(" ")).toEqual(new Set(["identical"]));
    }
    // author.ts now carries Post's inverse relation: it is no longer what `entity Author` alone writes.
    const authorAgain = kiosk("g", ...AUTHOR);
    expect(authorAgain.status).not.toBe(0);
    expect(log(authorAgain.stdout).filter(([a]) => a !== "identical")).toEqual([["conflict", "src/models/author.ts"]]);
  });

  it("type-checks: the project with tsc --noEmit, the plugin with its own build", () => {
    const project = run(TSC, ["-p", generated, "--noEmit"]);
    expect(project.stdout + project.stderr).toBe("");
    expect(project.status).toBe(0);
    const plugin = run(TSC, ["-p", path.join(generated, "plugins", "loyalty")]);
    expect(plugin.stdout + plugin.stderr).toBe("");
    expect(exists(generated, "plugins/loyalty/dist/services/loyalty.js")).toBe(true);
  });

  describe.each(DATABASES)("on $name", ({ name }) => {
    let dir: string;
    let db: { url: string | undefined; drop: () => Promise<void> };
    let kiosk: ReturnType<typeof kioskIn>;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), `kiosk-app-${name}-`));
      fs.cpSync(generated, dir, { recursive: true, verbatimSymlinks: true });
      db = await suiteDatabase(name, "gen");
      kiosk = kioskIn(dir, { DATABASE_URL: db.url });
    });
    afterAll(async () => {
      await db?.drop();
      if (dir) removeProject(dir);
    });

    it("migrates; migrate check agrees; migration --from-diff writes the next change", () => {
      const migrated = kiosk("migrate");
      expect(migrated.stderr).toBe("");
      expect(migrated.stdout).toMatch(/ran\s+CreateAuthor\d{13}\nran\s+CreatePost\d{13}\nran\s+AddThing\d{13}/);
      expect(kiosk("migrate", "check").stdout).toMatch(/^entities and migrations agree/);

      const file = path.join(dir, "src", "models", "author.ts");
      fs.writeFileSync(
        file,
        read(dir, "src/models/author.ts").replace(
          "  bio: string | null;\n",
          '  bio: string | null;\n\n  @Column({ type: "varchar", nullable: true })\n  nickname: string | null;\n',
        ),
      );
      const diff = kiosk("g", "migration", "add-nickname", "--from-diff");
      expect(diff.stderr).toBe("");
      const [[action, created]] = log(diff.stdout);
      expect(action).toBe("create");
      expect(created).toMatch(/^src\/migrations\/\d{13}-add-nickname\.ts$/);
      expect(read(dir, created)).toContain(
        '    await queryRunner.addColumn(\n      "author",\n      new TableColumn({ name: "nickname", type: "varchar", isNullable: true }),\n    );',
      );
      expect(log(kiosk("g", "migration", "add-nickname", "--from-diff").stdout)).toEqual([["identical", created]]);
      expect(kiosk("migrate").stdout).toMatch(/ran\s+AddNickname\d{13}/);
    });

    it("serves the generated admin CRUD, store route and plugin route over HTTP", async () => {
      const server = await kioskPackage.startTestServer({ projectDir: dir, databaseUrl: db.url });
      try {
        const admin = { email: "admin@generate.test", password: "supersecret" };
        await server.kernel.container.resolve<any>("userService").create(admin);
        const token = (await server.request("/admin/auth/token", { body: admin })).body.access_token;
        const headers = { authorization: `Bearer ${token}` };
        const call = (url: string, init: { method?: string; body?: unknown } = {}) => server.request(url, { ...init, headers });

        expect((await server.request("/admin/authors")).status).toBe(401);
        const author = await call("/admin/authors", { body: { name: "Ada", email: "ada@example.com", nickname: "ada" } });
        expect(author.status).toBe(400); // nickname is not in the generated validator
        const created = await call("/admin/authors", { body: { name: "Ada", email: "ada@example.com" } });
        expect(created.status).toBe(200);
        const authorId = created.body.author.id;
        expect(authorId).toMatch(/^author_/);

        const body = {
          title: "Hello",
          views: 3,
          rating: 4.5,
          price: "19.99",
          shares: "4294967296",
          published: true,
          published_on: "2024-05-01",
          published_at: "2024-05-01T12:00:00.000Z",
          meta: { tags: ["a"] },
          ref: "3f2c6f1e-8a4b-4c2d-9e1f-0a1b2c3d4e5f",
          status: "draft",
          author_id: authorId,
        };
        const post = await call("/admin/posts", { body });
        expect(post.status).toBe(200);
        expect(post.body.post).toMatchObject({ ...body, body: null, id: expect.stringMatching(/^post_/) });
        const id = post.body.post.id;
        expect((await call("/admin/posts", { body: { ...body, status: "archived" } })).body).toMatchObject({
          type: "invalid_data",
          field: "status",
        });
        expect((await call("/admin/posts", { body: { ...body, author_id: "author_missing" } })).status).toBe(400);

        const list = await call("/admin/posts?limit=1");
        expect(list.body).toMatchObject({ count: 1, offset: 0, limit: 1, posts: [{ id }] });
        expect((await call(`/admin/posts/${id}`)).body.post.title).toBe("Hello");
        const updated = await call(`/admin/posts/${id}`, { body: { title: "Hello again", price: 5 } });
        expect(updated.body.post).toMatchObject({ title: "Hello again", price: "5", views: 3 });
        expect((await call(`/admin/posts/${id}`, { method: "DELETE" })).body).toEqual({ id, object: "post", deleted: true });
        expect((await call(`/admin/posts/${id}`)).status).toBe(404);

        expect((await server.request("/store/reviews/rev_1")).body).toEqual({ id: "rev_1" });
        expect((await server.request("/store/reviews/rev_1", { body: {} })).body).toEqual({ id: "rev_1", received: {} });
        expect((await server.request("/store/reviews/rev_1", { body: { x: 1 } })).status).toBe(400);
        expect((await server.request("/store/loyalty")).body).toEqual({ plugin: "loyalty", options: [] });
      } finally {
        await server.close();
      }
    });

    // Once is enough: on PostgreSQL the same files run against DATABASE_URL, as the HTTP test above shows.
    if (name === "sqlite") it("runs the generated tests (entity CRUD and plugin) with vitest", () => {
      const r = run(VITEST, ["run", "--root", dir], { DATABASE_URL: db.url }, 60_000);
      expect(r.stdout + r.stderr).toMatch(/Test Files\s+3 passed \(3\)/);
      expect(r.status).toBe(0);
    });

    it("destroy removes the entity and reverses its relation edit, then the plugin and its config entry", () => {
      // Post's table exists: destroy refuses, saying how far to revert first (AddNickname and AddThing ran after it).
      const refused = kiosk("destroy", ...POST);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toMatch(/create-post\.ts has run on the database: undo it first with `kiosk migrate revert --steps 3` .*\[KIOSK_MIGRATION_APPLIED\]/);
      expect(exists(dir, "src/models/post.ts")).toBe(true);
      expect(kiosk("migrate", "revert", "--steps", "3").status).toBe(0);

      const post = kiosk("destroy", ...POST);
      expect(post.stderr).toBe("");
      expect(log(post.stdout).map(([a]) => a)).toEqual([...Array(7).fill("remove"), "update"]);
      expect(exists(dir, "src/models/post.ts")).toBe(false);
      expect(exists(dir, "src/api/admin/posts")).toBe(false);
      // author.ts is back to what `generate entity Author` wrote, plus the hand-made nickname column.
      expect(read(dir, "src/models/author.ts")).toBe(
        authorAlone.replace("  bio: string | null;\n", '  bio: string | null;\n\n  @Column({ type: "varchar", nullable: true })\n  nickname: string | null;\n'),
      );

      const plugin = kiosk("d", "plugin", "loyalty");
      expect(plugin.stderr).toBe("");
      expect(log(plugin.stdout).pop()).toEqual(["update", "kiosk.config.ts"]);
      expect(read(dir, "kiosk.config.ts")).toBe(configBefore);
      expect(exists(dir, "plugins/loyalty/src")).toBe(false);
      expect(plugin.stdout).toContain("note      plugins/loyalty still holds files it did not write");

      const again = kiosk("d", "plugin", "loyalty");
      expect(new Set(log(again.stdout).map(([a]) => a))).toEqual(new Set(["skip"]));
      expect(again.stderr.trim()).toMatch(/^kiosk: nothing to destroy: .* \[KIOSK_DESTROY_NOTHING\]$/);
      expect(again.status).not.toBe(0);
    });
  });
});
