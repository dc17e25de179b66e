import { GeneratorInputError } from "../core/errors";

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const FIELDS: CronField[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day-of-week", min: 0, max: 7, names: DAYS },
];
const SECOND: CronField = { name: "second", min: 0, max: 59 };

/** The fields of a 5- or 6-field expression, in order. */
export function cronFieldNames(expression: string): string[] {
  const count = expression.trim().split(/\s+/).length;
  return (count === 6 ? [SECOND, ...FIELDS] : FIELDS).map((f) => f.name);
}

function value(token: string, field: CronField, fail: (why: string) => Error): number {
  const named = field.names?.indexOf(token.toLowerCase()) ?? -1;
  if (named >= 0) return named + (field.min === 1 ? 1 : 0);
  if (!/^\d+$/.test(token)) throw fail(`has "${token}", which is not a number${field.names ? " or a name" : ""}`);
  const n = Number(token);
  if (n < field.min || n > field.max) throw fail(`${n} is outside ${field.min}-${field.max}`);
  return n;
}

/** One item of a field: `*`, `*\/n`, `a`, `a-b`, `a-b/n`, `a/n` (and `?` for the day fields). */
function checkItem(item: string, field: CronField, fail: (why: string) => Error): void {
  const [range, step, extra] = item.split("/");
  if (extra !== undefined) throw fail(`has two steps in "${item}"`);
  if (step !== undefined && (!/^\d+$/.test(step) || Number(step) < 1)) throw fail(`has a step of "${step}" in "${item}": use a whole number from 1`);
  if (range === "*" || (range === "?" && field.name.startsWith("day-"))) return;
  if (range.includes("#") || /^(\d*L|\d+W|LW)$/i.test(range)) {
    throw fail(`uses "${range}": L, W and # are not supported; use numbers, ranges, lists and steps`);
  }
  const [from, to, more] = range.split("-");
  if (more !== undefined || from === "") throw fail(`has "${range}", which is not a value or a range a-b`);
  const a = value(from, field, fail);
  if (to !== undefined && a > value(to, field, fail)) throw fail(`has the range "${range}", which runs backwards`);
}

/**
 * Checks a cron expression: 5 fields (minute hour day-of-month month
 * day-of-week) or 6 (seconds first); each a list of `*`, values, ranges and
 * steps within the field's bounds, month and day names allowed. Throws one line
 * naming the field at fault.
 */
export function validateCron(expression: string | undefined): string {
  const schedule = (expression ?? "").trim().replace(/\s+/g, " ");
  const parts = schedule ? schedule.split(" ") : [];
  if (parts.length !== 5 && parts.length !== 6) {
    throw new GeneratorInputError(
      "KIOSK_INVALID_SCHEDULE",
      `invalid schedule "${schedule}": a cron expression has 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), got ${parts.length}`,
    );
  }
  const fields = parts.length === 6 ? [SECOND, ...FIELDS] : FIELDS;
  parts.forEach((part, i) => {
    const fail = (why: string) => new GeneratorInputError("KIOSK_INVALID_SCHEDULE", `invalid schedule "${schedule}": ${fields[i].name} ${why}`);
    for (const item of part.split(",")) {
      if (!item) throw fail(`has an empty list item in "${part}"`);
      checkItem(item, fields[i], fail);
    }
  });
  return schedule;
}
