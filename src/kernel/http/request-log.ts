import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";

/**
 * One log line per request once its response is done: `GET /store/products 200 4 ms`
 * (JSON logs also carry method, path, status, ms and the request id as fields;
 * the development printer shows the line alone). `kiosk develop`
 * logs at info; elsewhere at debug, so production stays quiet unless
 * `LOG_LEVEL=debug` or `http.logRequests: true` asks for it. The query string is
 * left out: it may carry what should not sit in logs.
 */
export function requestLog(logger: Logger, level: "info" | "debug", fields: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!logger.isLevelEnabled(level)) return next();
    const started = performance.now();
    res.once("close", () => {
      const ms = Math.round(performance.now() - started);
      const path = req.originalUrl.split("?")[0];
      const status = res.writableFinished ? res.statusCode : "aborted";
      const line = `${req.method} ${path} ${status} ${ms} ms`;
      if (!fields) return logger[level](line);
      logger[level]({ method: req.method, path, status, ms, requestId: (req as { requestId?: string }).requestId }, line);
    });
    next();
  };
}
