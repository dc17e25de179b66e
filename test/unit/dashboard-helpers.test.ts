import { describe, expect, it } from "vitest";
import { ApiError, queryString } from "../../dashboard/src/api";
import { formatMoney, moneyInput, parseMoney } from "../../dashboard/src/money";
import { errorField } from "../../dashboard/src/ui/form";
import { bodyOf, propertiesOf, valuesOf } from "../../dashboard/src/ui/schema-field";

describe("the dashboard's money text", () => {
  it("formats minor units by the currency's digits, past 2^53 too", () => {
    expect(formatMoney(1999, "eur")).toBe("€19.99");
    expect(formatMoney(5, "usd")).toBe("$0.05");
    expect(formatMoney(-1250, "usd")).toBe("-$12.50");
    expect(formatMoney(1500, "jpy")).toBe("¥1,500");
    expect(formatMoney(1234567, "kwd")).toMatch(/1,234\.567$/);
    expect(formatMoney("90071992547409931", "eur")).toBe("€900,719,925,474,099.31");
    expect(formatMoney(null, "eur")).toBe("–");
  });

  it("parses what a merchant types, refusing more digits than the currency has", () => {
    expect(parseMoney("19.99", "eur")).toBe(1999);
    expect(parseMoney("19,9", "eur")).toBe(1990);
    expect(parseMoney("150.5", "dkk")).toBe(15050);
    expect(parseMoney(" 7 ", "usd")).toBe(700);
    expect(parseMoney("1500", "jpy")).toBe(1500);
    expect(parseMoney("1.5", "jpy")).toBeUndefined();
    expect(parseMoney("1.999", "eur")).toBeUndefined();
    expect(parseMoney("-3", "eur")).toBeUndefined();
    expect(parseMoney("abc", "eur")).toBeUndefined();
    expect(parseMoney("99999999999999999", "eur")).toBeUndefined();
    expect(moneyInput(1999, "eur")).toBe("19.99");
    expect(moneyInput(5, "eur")).toBe("0.05");
    expect(moneyInput(1500, "jpy")).toBe("1500");
  });
});

describe("the dashboard's API helpers", () => {
  it("sends arrays as Medusa clients do", () => {
    expect(queryString({ status: ["pending", "completed"], q: "ada", empty: "", none: undefined, limit: 20 })).toBe(
      "?status%5B%5D=pending&status%5B%5D=completed&q=ada&limit=20",
    );
    expect(queryString({})).toBe("");
  });

  it("puts a server error next to the field it names, or above the form", () => {
    const fields = ["title", "variants.0.prices.0.amount", "variants.0.options.0.value", "tags"];
    const error = (message: string, field?: string) => new ApiError(400, "invalid_data", "invalid_request", message, field);
    expect(errorField(error("variants.0.prices.0.amount: Too small", "variants.0.prices.0.amount"), fields)).toBe("variants.0.prices.0.amount");
    expect(errorField(error("tags.1.value: Required", "tags.1.value"), fields)).toBe("tags");
    expect(errorField(error("variants.0.options.0: bad", "variants.0.options.0"), fields)).toBe("variants.0.options.0.value");
    expect(errorField(error("A product with handle shirt exists: title it differently"), fields)).toBe("title");
    expect(errorField(error("Something else went wrong"), fields)).toBeUndefined();
    expect(errorField(new ApiError(500, "unknown_error", "500", "title broke"), fields)).toBeUndefined();
  });
});

describe("the dashboard's fields from JSON Schema (generated entities, custom fields)", () => {
  const schema = {
    type: "object",
    properties: {
      brand: { anyOf: [{ type: "string", maxLength: 255 }, { type: "null" }] },
      fabric: { anyOf: [{ type: "string", enum: ["linen", "cotton"] }, { type: "null" }] },
      points: { type: "integer" },
      gift: { type: "boolean" },
    },
    required: ["points"],
  };

  it("reads each property's kind and whether it is nullable or required", () => {
    expect(propertiesOf(schema).map((p) => [p.key, p.kind, p.nullable, p.required])).toEqual([
      ["brand", "text", true, false],
      ["fabric", "enum", true, false],
      ["points", "integer", false, true],
      ["gift", "boolean", false, false],
    ]);
  });

  it("turns the form's text into a body: emptied nullable fields are null when editing and left out when creating", () => {
    const properties = propertiesOf(schema);
    const values = { brand: "", fabric: "linen", points: "12", gift: "true" };
    expect(bodyOf(properties, values, true)).toEqual({ brand: null, fabric: "linen", points: 12, gift: true });
    expect(bodyOf(properties, values, false)).toEqual({ fabric: "linen", points: 12, gift: true });
    expect(bodyOf(properties, { ...values, points: "many" }, false).points).toBe("many");
    expect(valuesOf(properties, { brand: null, fabric: "cotton", points: 3, gift: false })).toEqual({ brand: "", fabric: "cotton", points: "3", gift: "false" });
  });
});
