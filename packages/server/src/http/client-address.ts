import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import proxyAddr from 'proxy-addr';
import { type TrustProxy, trustFunction } from './trust-proxy.ts';

/** The caller's address for limits, from the socket's address and the X-Forwarded-For header. */
export type ClientAddressOf = (
  socketAddress: string | null | undefined,
  forwardedFor: string | null | undefined,
) => string;

/**
 * Resolves callers as the rightmost address not written by a trusted proxy (proxy-addr):
 * with nothing trusted, the socket's address; X-Forwarded-For entries left of the last
 * untrusted hop are the client's own words and never count. Without a socket (tests through
 * yoga.fetch) all callers share the address "local".
 */
export function clientAddresses(trustProxy: TrustProxy): ClientAddressOf {
  const trust = trustFunction(trustProxy);
  return (socketAddress, forwardedFor) => {
    if (!socketAddress) return 'local';
    // proxy-addr reads a Node request; these two fields are all it looks at.
    const request = {
      connection: { remoteAddress: socketAddress },
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    } as unknown as IncomingMessage;
    return limitKey(proxyAddr(request, trust));
  };
}

/**
 * The key limits count by: an IPv4 address (also when mapped into IPv6), or an IPv6 address's
 * /64 network — one subscriber usually holds a whole /64, and could rotate through it.
 */
export function limitKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const plain = address.split('%')[0] ?? address;
  if (!isIPv6(plain)) return address;
  const [head = '', tail] = plain.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${all
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
