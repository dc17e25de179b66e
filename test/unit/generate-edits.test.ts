import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The generators' building blocks, loaded from the build as the bin loads them:
 * the ts-morph edits (input, expected output, and back), the line diff, the
 * cron check and the naming rules. Each edit case asserts whole files.
 */
const load = createRequire(import.meta.url);
const dist = (file: string) => load(`../../dist/generators/${file}`);
const { addPluginToConfig } = dist("core/edits/add-plugin-to-config.js") as typeof import("../../generators/core/edits/add-plugin-to-config");
const { addInverseRelation } = dist("core/edits/add-inverse-relation.js") as typeof import("../../generators/core/edits/add-inverse-relation");
const { editProject } = dist("core/ts-project.js") as typeof import("../../generators/core/ts-project");
const { EditConflict } = dist("core/errors.js") as typeof import("../../generators/core/errors");
const { unifiedDiff } = dist("core/line-diff.js") as typeof import("../../generators/core/line-diff");
const { validateCron } = dist("job/cron.js") as typeof import("../../generators/job/cron");
const { names } = dist("core/naming.js") as typeof import("../../generators/core/naming");

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-edits-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let counter = 0;
/** Applies (or reverts) an edit to `source` and returns the new text. */
function edit(source: string, change: (file: any) => void): string {
  const file = path.join(tmp, `f${counter++}.ts`);
  fs.writeFileSync(file, source);
  const sourceFile = editProject().open(file);
  change(sourceFile);
  return sourceFile.getFullText();
}

const config = (body: string) => `import { defineConfig } from "kiosk";\n\nexport default defineConfig(${body});\n`;

describe("edit: add a plugin to kiosk.config.ts", () => {
  const plugin = addPluginToConfig("kiosk.config.ts", "./plugins/loyalty");
  const cases: [string, string, string][] = [
    ["an empty config", config("{}"), config('{\n  plugins: [{ resolve: "./plugins/loyalty" }],\n}')],
    [
      "a config without plugins",
      config('{\n  http: { port: 9000 },\n}'),
      config('{\n  http: { port: 9000 },\n  plugins: [{ resolve: "./plugins/loyalty" }],\n}'),
    ],
    [
      "a one-line plugins array",
      config('{ plugins: ["./plugins/a"] }'),
      config('{ plugins: ["./plugins/a", { resolve: "./plugins/loyalty" }] }'),
    ],
    [
      "a multi-line plugins array with trailing commas",
      config('{\n  plugins: [\n    { resolve: "./plugins/a", options: { x: 1 } },\n  ],\n}'),
      config('{\n  plugins: [\n    { resolve: "./plugins/a", options: { x: 1 } },\n    { resolve: "./plugins/loyalty" },\n  ],\n}'),
    ],
    [
      "a config held in a const",
      'import { defineConfig } from "kiosk";\n\nconst config = defineConfig({});\n\nexport default config;\n',
      'import { defineConfig } from "kiosk";\n\nconst config = defineConfig({\n  plugins: [{ resolve: "./plugins/loyalty" }],\n});\n\nexport default config;\n',
    ],
  ];

  it.each(cases)("adds it to %s, and destroy restores the file exactly", (_, before, after) => {
    const added = edit(before, (f) => plugin.apply(f));
    expect(added).toBe(after);
    expect(edit(added, (f) => plugin.apply(f))).toBe(after);
    expect(edit(added, (f) => plugin.revert(f))).toBe(before);
  });

  it("does nothing when the plugin is already there, as a string or with options", () => {
    for (const body of ['{ plugins: ["plugins/loyalty"] }', '{ plugins: [{ resolve: "./plugins/loyalty", options: { a: 1 } }] }']) {
      expect(edit(config(body), (f) => plugin.apply(f))).toBe(config(body));
    }
  });

  it("refuses to revert an entry the user has changed, and says what it expected elsewhere", () => {
    const changed = config('{ plugins: [{ resolve: "./plugins/loyalty", options: { a: 1 } }] }');
    expect(() => edit(changed, (f) => plugin.revert(f))).toThrow(EditConflict);
    expect(() => edit("export const x = 1;\n", (f) => plugin.apply(f))).toThrow(
      'kiosk.config.ts: expected `export default defineConfig({ … })`; add { resolve: "./plugins/loyalty" } to its plugins by hand',
    );
  });
});

describe("edit: the inverse side of a belongs-to", () => {
  const relation = addInverseRelation({
    path: "src/models/author.ts",
    targetClass: "Author",
    property: "posts",
    sourceClass: "Post",
    sourceModule: "./post",
    inverseSide: "author",
  });
  const before = `import { Column, Entity, KioskEntity } from "kiosk";
import type { Comment } from "./comment";

@Entity("author")
export class Author extends KioskEntity {
  static idPrefix = "author";

  @Column({ type: "varchar" })
  name: string;
}
`;
  const after = `import { Column, Entity, KioskEntity, OneToMany } from "kiosk";
import type { Comment } from "./comment";
import type { Post } from "./post";

@Entity("author")
export class Author extends KioskEntity {
  static idPrefix = "author";

  @Column({ type: "varchar" })
  name: string;

  @OneToMany("Post", "author")
  posts?: Post[];
}
`;

  it("adds the property and its imports; again changes nothing; revert restores the file exactly", () => {
    const added = edit(before, (f) => relation.apply(f));
    expect(added).toBe(after);
    expect(edit(added, (f) => relation.apply(f))).toBe(after);
    expect(edit(added, (f) => relation.revert(f))).toBe(before);
  });

  it("keeps OneToMany imported when another relation still uses it", () => {
    const other = after.replace("  posts?: Post[];\n", '  posts?: Post[];\n\n  @OneToMany("Comment", "author")\n  comments?: Comment[];\n');
    const reverted = edit(other, (f) => relation.revert(f));
    expect(reverted).toContain('import { Column, Entity, KioskEntity, OneToMany } from "kiosk";');
    expect(reverted).not.toContain("./post");
    expect(reverted).toContain("  comments?: Comment[];\n}\n");
  });

  it("refuses to revert a relation the user has changed", () => {
    const changed = after.replace('@OneToMany("Post", "author")', '@OneToMany("Post", "author", { cascade: true })');
    expect(() => edit(changed, (f) => relation.revert(f))).toThrow("its posts relation was changed since it was generated");
  });
});

describe("generator helpers", () => {
  it("writes a unified diff with context", () => {
    expect(unifiedDiff("a.ts", "a\nb\nc\n", "a\nB\nc\n")).toBe("--- a/a.ts\n+++ b/a.ts\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c");
    expect(unifiedDiff("n.ts", null, "x\n")).toBe("--- /dev/null\n+++ b/n.ts\n@@ -0,0 +1,1 @@\n+x");
    expect(unifiedDiff("same.ts", "x\n", "x\n")).toBe("");
  });

  it.each(["* * * * *", "0 3 * * *", "*/15 9-17 * * mon-fri", "0 0 1,15 jan-jun ?", "30 0 */6 * * 0-7"])("accepts the schedule %j", (cron) => {
    expect(validateCron(cron)).toBe(cron);
  });

  it.each(["", "* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "5-1 * * * *", "*/0 * * * *", "0 0 L * *", "0 0 * * 1#2"])(
    "refuses the schedule %j",
    (cron) => expect(() => validateCron(cron)).toThrow(/invalid schedule/),
  );

  it("derives every name form, with a plural table", () => {
    expect(names("blogPost")).toEqual({
      pascal: "BlogPost",
      camel: "blogPost",
      kebab: "blog-post",
      snake: "blog_post",
      plural: { pascal: "BlogPosts", camel: "blogPosts", kebab: "blog-posts", snake: "blog_posts" },
    });
    const plural = (n: string) => names(n).plural.kebab;
    expect(["category", "address", "box", "person", "series", "day", "leaf", "status"].map(plural)).toEqual([
      "categories",
      "addresses",
      "boxes",
      "people",
      "series",
      "days",
      "leaves",
      "statuses",
    ]);
  });
});
