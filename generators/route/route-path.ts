import { GeneratorInputError } from "../core/errors";

/** The HTTP methods a route file may export, in the order they are written. */
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

/** A file route: its folders under `src/api`, its URL and its parameters. */
export interface RoutePath {
  segments: string[];
  /** `/store/reviews/:id`. */
  url: string;
  /** `["id"]`; a catch-all `[...rest]` gives `rest`. */
  params: string[];
}

const bad = (raw: string, why: string) => new GeneratorInputError("KIOSK_INVALID_ROUTE", `invalid route "${raw}": ${why}`);

/**
 * Reads a route as the user may write it (`store/reviews/[id]`,
 * `/store/reviews/:id`, `src/api/store/reviews/[id]/route.ts`) into the folder
 * segments of the file router: lower-case words, `[param]`, and a last `[...rest]`.
 */
export function parseRoutePath(raw: string | undefined): RoutePath {
  const value = (raw ?? "").trim();
  const cleaned = value
    .replace(/^\/+/, "")
    .replace(/^(src\/)?api\//, "")
    .replace(/\/route\.[jt]s$/, "")
    .replace(/\/+$/, "");
  if (!cleaned) throw bad(value, "give the path under src/api, such as store/reviews/[id]");
  const segments = cleaned.split("/").map((s) => s.replace(/^:(\w+)$/, "[$1]").replace(/^\*(\w+)$/, "[...$1]"));
  const params: string[] = [];
  segments.forEach((segment, i) => {
    const param = /^\[(\.\.\.)?([A-Za-z_]\w*)\]$/.exec(segment);
    if (param) {
      if (param[1] && i !== segments.length - 1) throw bad(value, `a catch-all ${segment} must be the last segment`);
      if (params.includes(param[2])) throw bad(value, `the parameter "${param[2]}" appears twice`);
      params.push(param[2]);
    } else if (!/^[a-z0-9][a-z0-9-]*$/.test(segment)) {
      throw bad(value, `"${segment}" is not a lower-case word (a-z, 0-9, -) or a [param]`);
    }
  });
  const url = `/${segments.map((s) => s.replace(/^\[\.\.\.(\w+)\]$/, "*$1").replace(/^\[(\w+)\]$/, ":$1")).join("/")}`;
  return { segments, url, params };
}

/** `get,post` (or `GET POST`) -> `["GET", "POST"]`, in the usual order; unknown methods are refused. */
export function parseMethods(raw: string | undefined): Method[] {
  const asked = (raw ?? "get").split(/[\s,]+/).filter(Boolean).map((m) => m.toUpperCase());
  const unknown = asked.find((m) => !(METHODS as readonly string[]).includes(m));
  if (unknown) throw new GeneratorInputError("KIOSK_INVALID_ROUTE", `unknown method "${unknown}": use ${METHODS.join(", ").toLowerCase()}`);
  if (!asked.length) throw new GeneratorInputError("KIOSK_INVALID_ROUTE", "--methods needs at least one method");
  return METHODS.filter((m) => asked.includes(m));
}
