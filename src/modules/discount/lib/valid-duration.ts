import { InvalidDataError } from "kiosk";

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Whether a string is an ISO 8601 duration of whole units (`P1Y2M10DT2H30M`, `P2W`). */
export function isDuration(value: string): boolean {
  return DURATION.test(value);
}

/**
 * The moment `duration` after `from`, years and months on the calendar (UTC),
 * the rest as exact time. A string that is not such a duration is a 400.
 */
export function addDuration(from: Date, duration: string): Date {
  const match = DURATION.exec(duration);
  if (!match) throw new InvalidDataError(`valid_duration ${duration} is not an ISO 8601 duration`, { field: "valid_duration" });
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((v) => Number(v ?? 0));
  const end = new Date(from);
  end.setUTCFullYear(end.getUTCFullYear() + years, end.getUTCMonth() + months);
  end.setTime(end.getTime() + ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
  if (Number.isNaN(end.getTime()) || end.getUTCFullYear() > 9999) {
    throw new InvalidDataError(`valid_duration ${duration} is too long`, { field: "valid_duration" });
  }
  return end;
}
