import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { expectStatus } from "../helpers/checkout";
import { startStore, type Store } from "../helpers/store";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("rest of a tiny png")]);
const PDF = Buffer.from("%PDF-1.4\n% a tiny pdf\n");
const MAX_SIZE = 1024;

describe.each(DATABASES)("uploads on $name", ({ name }) => {
  let store: Store;

  /** A multipart POST of `files` with the admin's token (or none). */
  async function upload(route: string, files: { name: string; type: string; bytes: Buffer | string }[], options: { field?: string; admin?: boolean } = {}) {
    const form = new FormData();
    for (const f of files) form.append(options.field ?? "files", new Blob([f.bytes], { type: f.type }), f.name);
    const res = await fetch(store.server.url + route, { method: "POST", body: form, headers: options.admin === false ? {} : store.adminHeaders });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  const get = (url: string) => fetch(url.startsWith("http") ? url : store.server.url + url);
  const uploadsDir = () => path.join(store.dir, "uploads");

  beforeAll(async () => {
    store = await startStore(name, "uploads", { config: { files: { maxSize: MAX_SIZE, allowedTypes: ["image/png", "application/pdf", "text/csv"] } } });
  });
  afterAll(() => store?.close());

  it("uploads files as multipart `files`, serves them back under a generated name, and deletes them", async () => {
    const body = expectStatus(
      await upload("/admin/uploads", [
        { name: "../../shirt.png", type: "image/png", bytes: PNG },
        { name: "prices.csv", type: "text/csv", bytes: "sku,price\nA,100\n" },
      ]),
      200,
    );
    expect(body.uploads).toHaveLength(2);
    const [image, csv] = body.uploads;
    expect(image.key).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(csv.key).toMatch(/^[0-9a-f]{32}\.csv$/);
    expect(image.url).toBe(`${store.server.url}/uploads/${image.key}`);
    expect(fs.readdirSync(uploadsDir()).sort()).toEqual([image.key, csv.key].sort());

    const served = await get(image.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const sheet = await get(csv.url);
    expect(sheet.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(await sheet.text()).toBe("sku,price\nA,100\n");

    expect(expectStatus(await store.admin("/admin/uploads", { method: "DELETE", body: { file_key: image.key } }), 200)).toEqual({
      id: image.key,
      object: "file",
      deleted: true,
    });
    expect((await get(image.url)).status).toBe(404);
    expect(expectStatus(await store.admin("/admin/uploads", { method: "DELETE", body: { file_key: image.key } }), 404).code).toBe("file_not_found");
  });

  it("refuses a file past files.maxSize with a 413 file_too_large and stores nothing", async () => {
    const before = fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : [];
    const res = await upload("/admin/uploads", [
      { name: "small.png", type: "image/png", bytes: PNG },
      { name: "big.png", type: "image/png", bytes: Buffer.concat([PNG, Buffer.alloc(MAX_SIZE)]) },
    ]);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ type: "payload_too_large", code: "file_too_large" });
    expect(fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : []).toEqual(before);
  });

  it("refuses a type outside files.allowedTypes, or a name that lies about the content, with a 400 file_type_not_allowed", async () => {
    const before = fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : [];
    const html = await upload("/admin/uploads", [{ name: "photo.png", type: "image/png", bytes: "<script>alert(1)</script>" }]);
    expect(html.status).toBe(400);
    expect(html.body).toMatchObject({ type: "invalid_data", code: "file_type_not_allowed", field: "files.0" });
    const gif = await upload("/admin/uploads", [{ name: "a.gif", type: "image/gif", bytes: "GIF89a-not-allowed-here" }]);
    expect(gif.body.code).toBe("file_type_not_allowed");
    const text = await upload("/admin/uploads", [
      { name: "ok.png", type: "image/png", bytes: PNG },
      { name: "notes.txt", type: "text/plain", bytes: "text is not allowed in this store" },
    ]);
    expect(text.status).toBe(400);
    expect(text.body).toMatchObject({ code: "file_type_not_allowed", field: "files.1" });
    expect(fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : []).toEqual(before);
  });

  it("answers a 400 to a body that is not multipart `files`, and a 401 without a token", async () => {
    expect(expectStatus(await store.admin("/admin/uploads", { body: { files: ["x"] } }), 400).code).toBe("invalid_request");
    expect(expectStatus(await upload("/admin/uploads", [{ name: "a.png", type: "image/png", bytes: PNG }], { field: "file" }), 400).code).toBe("invalid_request");
    const empty = await fetch(store.server.url + "/admin/uploads", { method: "POST", body: new FormData(), headers: store.adminHeaders });
    expect(empty.status).toBe(400);
    expect((await upload("/admin/uploads", [{ name: "a.png", type: "image/png", bytes: PNG }], { admin: false })).status).toBe(401);
  });

  it("never serves anything but a stored file: no listing, no traversal", async () => {
    fs.mkdirSync(uploadsDir(), { recursive: true });
    fs.writeFileSync(path.join(store.dir, "secret.txt"), "TOP-SECRET-CONTENT");
    for (const probe of [
      "/uploads/",
      "/uploads",
      "/uploads/..%2Fsecret.txt",
      "/uploads/%2e%2e%2fsecret.txt",
      "/uploads/..%5Csecret.txt",
      "/uploads/../secret.txt",
      "/uploads/protected",
      "/uploads/.hidden",
      "/uploads/kiosk.config.ts",
      "/uploads/protected/..%2F..%2Fsecret.txt",
    ]) {
      const res = await get(probe);
      expect(res.status, probe).toBe(404);
      expect(await res.text(), probe).not.toContain("TOP-SECRET-CONTENT");
    }
    expect(expectStatus(await store.admin("/admin/uploads", { method: "DELETE", body: { file_key: "../secret.txt" } }), 404).code).toBe("file_not_found");
    expect(expectStatus(await store.admin("/admin/uploads/download-url", { body: { file_key: "../../kiosk.config.ts" } }), 404).code).toBe(
      "file_not_found",
    );
    expect(fs.existsSync(path.join(store.dir, "secret.txt"))).toBe(true);
  });

  it("keeps protected uploads behind a signed, expiring download URL", async () => {
    const [file] = expectStatus(await upload("/admin/uploads/protected", [{ name: "invoice.pdf", type: "application/pdf", bytes: PDF }]), 200).uploads;
    expect(file.key).toMatch(/^protected\/[0-9a-f]{32}\.pdf$/);
    const name = file.key.slice("protected/".length);
    expect((await get(`/uploads/${name}`)).status).toBe(404);
    expect((await get(`/uploads/protected/${name}`)).status).toBe(404);
    const { download_url } = expectStatus(await store.admin("/admin/uploads/download-url", { body: { file_key: file.key } }), 200);
    expect(download_url).toMatch(new RegExp(`^${store.server.url}/uploads/protected/${name}\\?expires=\\d+&signature=`));
    const served = await get(download_url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await served.arrayBuffer()).equals(PDF)).toBe(true);
    const url = new URL(download_url);
    const forged = `${url.pathname}?expires=${Number(url.searchParams.get("expires")) + 1}&signature=${url.searchParams.get("signature")}`;
    expect((await get(forged)).status).toBe(404);
    expect((await get(`${url.pathname}?expires=1&signature=${url.searchParams.get("signature")}`)).status).toBe(404);

    const [pub] = expectStatus(await upload("/admin/uploads", [{ name: "a.png", type: "image/png", bytes: PNG }]), 200).uploads;
    expect(expectStatus(await store.admin("/admin/uploads/download-url", { body: { file_key: pub.key } }), 200).download_url).toBe(pub.url);
    expectStatus(await store.admin("/admin/uploads", { method: "DELETE", body: { file_key: file.key } }), 200);
    expect((await get(download_url)).status).toBe(404);
  });
});
