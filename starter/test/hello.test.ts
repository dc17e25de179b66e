import path from "node:path";
import { startTestServer, type TestServer } from "kiosk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Boots this project in-process on a free port, after running its migrations. It uses
// its own SQLite file (.kiosk/test.sqlite, see kiosk.config.ts); set TEST_DATABASE_URL
// to run on a PostgreSQL database instead.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    projectDir: path.resolve(__dirname, ".."),
    databaseUrl: process.env.TEST_DATABASE_URL,
  });
});

afterAll(async () => {
  await server?.close();
});

describe("GET /store/hello", () => {
  it("greets by name", async () => {
    const res = await server.request("/store/hello?name=Ada");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: "Welcome to the store, Ada" });
  });

  it("answers 400 to an empty name", async () => {
    const res = await server.request("/store/hello?name=");
    expect(res.status).toBe(400);
  });
});
