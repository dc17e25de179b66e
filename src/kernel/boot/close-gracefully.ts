import type { Server } from "node:http";

/**
 * Stops accepting connections, lets in-flight requests finish, closes idle
 * keep-alive sockets at once and forces the rest after `timeoutMs`.
 */
export function closeGracefully(server: Server, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
