type Op = { kind: " " | "-" | "+"; line: string };

/** The line edits from `a` to `b`: longest common subsequence, after trimming the common ends. */
function diffLines(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) (endA--, endB--);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  // lcs[i][j]: length of the LCS of midA[i..] and midB[j..]
  const lcs = Array.from({ length: midA.length + 1 }, () => new Uint32Array(midB.length + 1));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: " ", line }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) ops.push({ kind: " ", line: midA[i++] }), j++;
    else if (i < midA.length && (j === midB.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: "-", line: midA[i++] });
    else ops.push({ kind: "+", line: midB[j++] });
  }
  return ops.concat(a.slice(endA).map((line) => ({ kind: " ", line })));
}

const split = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

/**
 * A unified diff (`---`/`+++` headers, `@@` hunks with `context` lines around
 * each change) from `before` to `after`; empty when they are equal. `before` is
 * `null` for a new file.
 */
export function unifiedDiff(file: string, before: string | null, after: string, context = 3): string {
  if (before === after) return "";
  const ops = diffLines(split(before ?? ""), split(after));
  const out = [`--- ${before === null ? "/dev/null" : `a/${file}`}`, `+++ b/${file}`];
  const changed = ops.map((op, k) => (op.kind !== " " ? k : -1)).filter((k) => k >= 0);
  let k = 0;
  while (k < changed.length) {
    // One hunk: changes closer than 2 * context lines share it.
    let last = k;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * context) last++;
    const from = Math.max(0, changed[k] - context);
    const to = Math.min(ops.length, changed[last] + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== "+") oldStart++;
      if (op.kind !== "-") newStart++;
    }
    const hunk = ops.slice(from, to);
    const oldLen = hunk.filter((op) => op.kind !== "+").length;
    const newLen = hunk.filter((op) => op.kind !== "-").length;
    out.push(`@@ -${oldLen ? oldStart : oldStart - 1},${oldLen} +${newLen ? newStart : newStart - 1},${newLen} @@`);
    out.push(...hunk.map((op) => `${op.kind}${op.line}`));
    k = last + 1;
  }
  return out.join("\n");
}
