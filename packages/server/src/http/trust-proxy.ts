import proxyAddr from 'proxy-addr';

/**
 * Who may write X-Forwarded-For: nobody (`false`), the nearest N proxies (a hop count), or
 * the proxies at the listed addresses and networks (`loopback`, `linklocal`, `uniquelocal`
 * included).
 */
export type TrustProxy = false | number | readonly string[];

/** proxy-addr's trust function: whether the `i`th address from the socket inwards is a proxy we trust. */
export type TrustFunction = (address: string, i: number) => boolean;

const named = ['loopback', 'linklocal', 'uniquelocal'];

// Dotted quads and colon forms only: proxy-addr would also take "10" as the address 0.0.0.10.
const ipv4Form = /^\d{1,3}(\.\d{1,3}){3}(\/(\d{1,2}|\d{1,3}(\.\d{1,3}){3}))?$/;
const ipv6Form = /^[\da-f:.]*:[\da-f:.]*(\/\d{1,3})?$/i;

const forms =
  'false, a number of proxies in front (e.g. 1), or the proxies’ addresses and networks ' +
  '(e.g. 127.0.0.1,10.0.0.0/8 or loopback,uniquelocal)';

/** Reads TRUST_PROXY; a bad value is named in `problems` and nothing is trusted. */
export function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || /^(false|no|off|0)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) {
    // `true` used to take the leftmost X-Forwarded-For entry, which the client writes. Refused
    // rather than reinterpreted, so an upgrade never silently trusts what it did not before.
    problems.push(
      `TRUST_PROXY=${value} is no longer accepted (it trusted any X-Forwarded-For a client sends): set ${forms}`,
    );
    return false;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) problems.push(`TRUST_PROXY must be a number of proxies from 0 to 10, got "${value}"`);
    return hops > 10 ? false : hops;
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => {
    if (named.includes(entry)) return false;
    if (!ipv4Form.test(entry) && !ipv6Form.test(entry)) return true;
    try {
      proxyAddr.compile(entry);
      return false;
    } catch {
      return true;
    }
  });
  if (bad.length > 0) {
    problems.push(`TRUST_PROXY must be ${forms}; not an address or network: ${bad.map((b) => `"${b}"`).join(', ')}`);
    return false;
  }
  return entries;
}

/** The trust function for proxy-addr. */
export function trustFunction(setting: TrustProxy): TrustFunction {
  if (setting === false || setting === 0) return () => false;
  if (typeof setting === 'number') return (_address, i) => i < setting;
  return proxyAddr.compile([...setting]);
}
