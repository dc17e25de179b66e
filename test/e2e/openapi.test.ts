import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFixture, removeProject } from "../helpers/fixture-project";
import { kioskIn } from "../helpers/processes";

/** `kiosk openapi` in a project with a generated `--crud` entity: its routes and body schemas are in the document. */
describe("kiosk openapi", () => {
  let dir: string;
  let kiosk: ReturnType<typeof kioskIn>;

  beforeAll(() => {
    dir = copyFixture("app");
    kiosk = kioskIn(dir);
    const generated = kiosk("generate", "entity", "Book", "title:string", "pages:int", "summary:text?", "--crud");
    expect(generated.stderr).toBe("");
    expect(generated.status).toBe(0);
  });
  afterAll(() => dir && removeProject(dir));

  it("writes a valid OpenAPI 3.1 document with the generated entity's routes and body schemas", async () => {
    const r = kiosk("openapi", "--out", path.join(dir, "x.json"));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, "x.json"), "utf8"));
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);

    const bookPaths = Object.keys(doc.paths).filter((p) => p.includes("books"));
    expect(bookPaths.length).toBeGreaterThan(0);
    const collection = bookPaths.find((p) => !p.includes("{"))!;
    const create = doc.paths[collection].post;
    expect(create.tags).toEqual(["books"]);
    const body = create.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["title", "pages", "summary"]));
    expect(body.required).toEqual(expect.arrayContaining(["title", "pages"]));
    expect(body.properties.pages.type).toBe("integer");
    expect(bookPaths.some((p) => p.endsWith("/{id}"))).toBe(true);
    if (collection.startsWith("/admin")) expect(create.security).toEqual([{ bearer: [] }, { userSession: [] }]);
    // The core routes are there too, with their shared objects.
    expect(doc.paths["/store/products/{id}"].get.operationId).toBe("getStoreProductsById");
    expect(doc.components.schemas.Product).toBeDefined();
  });

  it("prints the document on stdout without --out, and refuses an --out folder that does not exist", () => {
    const printed = kiosk("openapi");
    expect(printed.status).toBe(0);
    expect(JSON.parse(printed.stdout).openapi).toBe("3.1.0");
    const refused = kiosk("openapi", "--out", path.join(dir, "missing", "x.json"));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr.trim()).toMatch(/^kiosk: --out: the folder .* does not exist \[KIOSK_BAD_ARGUMENT\]$/);
  });
});
