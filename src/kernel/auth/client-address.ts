import { isIPv6 } from "node:net";
import type { Request } from "express";

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail counts as two). */
function ipv6Groups(address: string): string[] {
  const expand = (part: string) =>
    part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : [];
  const [head, tail] = address.split("::");
  if (tail === undefined) return expand(head);
  const left = expand(head);
  const right = expand(tail);
  return [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
}

/**
 * The client address a request is counted by: `req.ip`, which is the
 * connection's address unless `http.trustProxy` names the proxies whose
 * `X-Forwarded-For` to believe. An IPv4-mapped IPv6 address counts as its IPv4
 * address, and any other IPv6 address by its /64 network, which one client
 * usually holds whole.
 */
export function clientAddress(req: Request): string {
  const ip = (req.ip ?? req.socket?.remoteAddress ?? "unknown").split("%")[0];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const network = ipv6Groups(ip)
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16));
  return `${network.join(":")}::/64`;
}
