/** `{ … }` with one line an entry, indented by `indent` + two spaces; `{}` when there are none. */
export function block(lines: string[], indent = ""): string {
  return lines.length ? `{\n${lines.map((l) => `${indent}  ${l}\n`).join("")}${indent}}` : "{}";
}
