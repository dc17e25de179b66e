import { describe, expect, it } from "vitest";
import { compileSql, sql } from "../../src/kernel/database/sql";

describe("sql", () => {
  it("numbers parameters in text order, whatever order the fragments were built in", () => {
    const late = sql`b = ${2}`;
    const early = sql`a = ${1}`;
    const statement = sql`SELECT 1 WHERE ${early} AND ${late} AND c IN (${sql.list(["x", "y"])})`;
    expect(compileSql(statement, "postgres")).toEqual({
      text: "SELECT 1 WHERE a = $1 AND b = $2 AND c IN (SELECT unnest($3::text[]))",
      values: [1, 2, ["x", "y"]],
    });
    expect(compileSql(statement, "sqlite")).toEqual({
      text: "SELECT 1 WHERE a = ? AND b = ? AND c IN (SELECT value FROM json_each(?))",
      values: [1, 2, '["x","y"]'],
    });
  });

  it("binds a reused fragment once per place it appears", () => {
    const id = sql`${"cart_1"}`;
    const { text, values } = compileSql(sql`x = ${id} OR y = ${id}`, "postgres");
    expect(text).toBe("x = $1 OR y = $2");
    expect(values).toEqual(["cart_1", "cart_1"]);
  });

  it("writes IN lists as one parameter and booleans as integers on SQLite", () => {
    const where = sql`${sql.in(sql.id("t", "status"), ["a", "b"])} AND ok = ${true}`;
    expect(compileSql(where, "postgres")).toEqual({ text: `"t"."status" = ANY($1) AND ok = $2`, values: [["a", "b"], true] });
    expect(compileSql(where, "sqlite").values).toEqual(['["a","b"]', 1]);
  });

  it("joins fragments, skipping empty ones", () => {
    const joined = sql.join([sql`a = ${1}`, sql``, sql`b = ${2}`], " AND ");
    expect(compileSql(joined, "sqlite")).toEqual({ text: "a = ? AND b = ?", values: [1, 2] });
    expect(sql``.isEmpty).toBe(true);
  });

  it("refuses identifiers that are not plain names", () => {
    expect(compileSql(sql.id("p", "created_at"), "postgres").text).toBe(`"p"."created_at"`);
    for (const bad of ['title" DESC; DROP TABLE x; --', "a b", "", "1a"]) expect(() => sql.id(bad)).toThrow(/Not an SQL identifier/);
  });

  it("never inlines an interpolated value, even one that looks like SQL", () => {
    const { text, values } = compileSql(sql`name = ${"'; DROP TABLE product; --"}`, "sqlite");
    expect(text).toBe("name = ?");
    expect(values).toEqual(["'; DROP TABLE product; --"]);
  });
});
