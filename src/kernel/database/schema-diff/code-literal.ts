/** A `new Name({...})` expression inside generated code. */
export class NewExpression {
  constructor(
    readonly className: string,
    readonly options: Record<string, unknown>,
  ) {}
}

/** The longest line generated code aims for. */
export const LINE_WIDTH = 110;

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** TypeScript source for a plain value, on one line. */
export function inline(value: unknown): string {
  if (value instanceof NewExpression) return `new ${value.className}(${inline(value.options)})`;
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${key(k)}: ${inline(v)}`).join(", ")} }` : "{}";
  }
  return value === undefined ? "undefined" : JSON.stringify(value);
}

/**
 * TypeScript source for a plain value (strings, numbers, booleans, arrays,
 * objects, `new X({...})`): on one line when it fits, else one item a line,
 * indented by two spaces a level, with trailing commas. `lead` is how many
 * characters already stand on the line after the indent.
 */
export function codeLiteral(value: unknown, indent = "", lead = 0): string {
  const flat = inline(value);
  if (indent.length + lead + flat.length <= LINE_WIDTH) return flat;
  const inner = `${indent}  `;
  if (value instanceof NewExpression) {
    return `new ${value.className}(${codeLiteral(value.options, indent, lead + value.className.length + 5)})`;
  }
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${inner}${codeLiteral(v, inner)},\n`).join("")}${indent}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    const lines = entries.map(([k, v]) => `${inner}${key(k)}: ${codeLiteral(v, inner, key(k).length + 2)},\n`);
    return `{\n${lines.join("")}${indent}}`;
  }
  return flat;
}
