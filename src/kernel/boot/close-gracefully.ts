import type { Server } from "node:http";

/**
 * Stops accepting connections and lets in-flight requests finish. Keep-alive
 * sockets are closed as soon as they go idle (checked every 50 ms, since a socket
 * whose request finishes after `close()` would otherwise linger until its
 * keep-alive timeout); whatever is left after `timeoutMs` is forced closed.
 */
export function closeGracefully(server: Server, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    force.unref();
    idle.unref();
    server.close(() => {
      clearTimeout(force);
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}
