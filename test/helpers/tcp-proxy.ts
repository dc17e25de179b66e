import net from "node:net";

/**
 * A tiny TCP proxy to put between a server and Redis (or any TCP service), so a
 * test can take the service away and bring it back on the same address:
 * - `close()` drops every connection and stops listening (connection refused);
 * - `open()` listens again on the same port;
 * - `pause()` keeps connections open but stops moving bytes (a hung service);
 *   `resume()` lets the held bytes through.
 */
export interface TcpProxy {
  port: number;
  /** `redis://127.0.0.1:<port>` style URL for the proxy, keeping the target URL's path and credentials. */
  url(targetUrl: string): string;
  close(): Promise<void>;
  open(): Promise<void>;
  pause(): void;
  resume(): void;
  /** Closes for good. */
  dispose(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
  let server: net.Server | undefined;
  let paused = false;
  const pairs = new Set<[net.Socket, net.Socket]>();

  const onConnection = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.pipe(upstream);
    upstream.pipe(client);
    if (paused) {
      client.pause();
      upstream.pause();
    }
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer(onConnection);
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const close = async () => {
    const s = server;
    server = undefined;
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    url(targetUrl) {
      const u = new URL(targetUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    close,
    open: async () => {
      if (!server) await listen();
    },
    pause() {
      paused = true;
      for (const [a, b] of pairs) {
        // Bytes stay in the socket buffers until resume.
        a.pause();
        b.pause();
      }
    },
    resume() {
      paused = false;
      for (const [a, b] of pairs) {
        a.resume();
        b.resume();
      }
    },
    dispose: close,
  };
}
