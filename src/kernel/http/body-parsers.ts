import express, { type NextFunction, type Request, type Response } from "express";
import type { KioskRequest } from "./types";

/** Webhooks (`/hooks/…`) keep the bytes they were sent, for their providers to check signatures. */
const HOOKS = "/hooks/";

/**
 * The body parser of every request but GET, HEAD and OPTIONS: JSON, up to
 * `limit`. Under `/hooks/` the raw bytes are kept as `req.rawBody` too, and a
 * body that is not JSON (a form post) is read as bytes rather than left unread.
 */
export function bodyParser(limit: string) {
  const json = express.json({
    limit,
    verify: (req, _res, buf) => {
      if (req.url?.startsWith(HOOKS)) (req as unknown as KioskRequest).rawBody = buf;
    },
  });
  const raw = express.raw({ type: () => true, limit });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    json(req, res, (err?: unknown) => {
      const kreq = req as KioskRequest;
      if (err || !req.url.startsWith(HOOKS) || kreq.rawBody) return next(err);
      raw(req, res, (rawErr?: unknown) => {
        if (!rawErr) kreq.rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        next(rawErr);
      });
    });
  };
}
