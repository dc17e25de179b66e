import type { Node, SourceFile } from "ts-morph";

/**
 * Adding and removing one item of a list literal (`[…]` elements, `{…}`
 * properties) the way a person would: one line a item when the list is
 * multi-line, keeping its trailing-comma habit, inline otherwise. Removing undoes
 * adding to the character, so `generate` then `destroy` leaves a file as it was.
 * Positions come from the nodes ts-morph found; no text is searched.
 */

/** The indentation of the line `pos` is on. */
export function lineIndent(file: SourceFile, pos: number): string {
  const text = file.getFullText();
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** The position just after a comma that directly follows `node` (only whitespace between), or -1. */
function trailingComma(file: SourceFile, node: Node): number {
  const text = file.getFullText();
  let pos = node.getEnd();
  while (/\s/.test(text[pos] ?? "")) pos++;
  return text[pos] === "," ? pos + 1 : -1;
}

/** Appends `item` (source text) to `list`, a `[…]` or `{…}` node whose items are `items`. */
export function appendListItem(file: SourceFile, list: Node, items: Node[], item: string): void {
  const open = list.getStart();
  const close = list.getEnd() - 1;
  const isObject = file.getFullText()[open] === "{";
  if (!items.length) {
    const indent = lineIndent(file, open);
    const body = isObject ? `{\n${indent}  ${item},\n${indent}}` : `[${item}]`;
    file.replaceText([open, close + 1], body);
    return;
  }
  const last = items[items.length - 1];
  const comma = trailingComma(file, last);
  if (list.getText().includes("\n")) {
    const indent = lineIndent(file, last.getStart());
    if (comma >= 0) file.insertText(comma, `\n${indent}${item},`);
    else file.insertText(last.getEnd(), `,\n${indent}${item}`);
  } else if (comma >= 0) {
    file.insertText(comma, ` ${item},`);
  } else {
    file.insertText(last.getEnd(), `, ${item}`);
  }
}

/** Removes `items[index]` from `list`, undoing `appendListItem`. */
export function removeListItem(file: SourceFile, list: Node, items: Node[], index: number): void {
  if (items.length === 1) {
    const open = list.getStart();
    const isObject = file.getFullText()[open] === "{";
    file.replaceText([open, list.getEnd()], isObject ? "{}" : "[]");
  } else if (index > 0) {
    file.removeText(items[index - 1].getEnd(), items[index].getEnd());
  } else {
    file.removeText(items[0].getStart(), items[1].getStart());
  }
}
