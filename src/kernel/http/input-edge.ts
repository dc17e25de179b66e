import type { NextFunction, Request, Response } from "express";
import { InvalidDataError } from "../errors";
import { isCleanString, walkInput } from "./walk-input";

/** Webhooks carry their provider's documents: their `metadata` is the provider's, not ours to bound. */
const HOOKS = "/hooks/";

/** The path's parameters, decoded as the router will decode them: no NUL, valid percent-encoded UTF-8. */
function checkPath(path: string): InvalidDataError | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // `%ED%A0%80` (a surrogate written as UTF-8) or a broken escape: never a string a column could hold.
    return new InvalidDataError("path: the URL is not valid percent-encoded UTF-8", { code: "invalid_url", field: "path" });
  }
  if (isCleanString(decoded)) return undefined;
  return new InvalidDataError("path: must not hold a NUL (%00) character", { code: "invalid_string", field: "path" });
}

/**
 * The validation edge of every request, before any middleware or route: the
 * path, the query and the JSON body hold well-formed text without NUL, finite
 * numbers, at most 32 levels of nesting, and `metadata` within its bounds
 * (`input-limits.ts`). Anything else is a 400 (413 for metadata too large)
 * `{ type, code, message, field }`, so no route, core or a project's, ever
 * hands the database a value it would fail on. A GET without `%` in its path
 * and without a query string costs two `indexOf`s.
 *
 * The query is parsed once here and kept on the request (express would parse it
 * again on every read of `req.query`).
 */
export function inputEdge() {
  return (req: Request, _res: Response, next: NextFunction) => {
    const url = req.url;
    const mark = url.indexOf("?");
    const path = mark === -1 ? url : url.slice(0, mark);
    if (path.indexOf("%") !== -1) {
      const bad = checkPath(path);
      if (bad) return next(bad);
    }
    if (mark !== -1 && mark < url.length - 1) {
      const query = req.query;
      Object.defineProperty(req, "query", { value: query, writable: true, configurable: true, enumerable: true });
      const bad = walkInput(query, "query", { metadata: false });
      if (bad) return next(bad);
    }
    const body: unknown = req.body;
    if (body !== null && typeof body === "object" && !Buffer.isBuffer(body)) {
      const bad = walkInput(body, "body", { metadata: !url.startsWith(HOOKS) });
      if (bad) return next(bad);
    }
    next();
  };
}
