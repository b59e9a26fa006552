/**
 * Reads an origin the widget may be used from ("https://shop.example", "http://localhost:3000"):
 * scheme, host and port only, lower-cased; null when it is not one (a path, another scheme,
 * credentials, a wildcard).
 */
export function normalizeOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  // Letters, digits, dots and dashes (or an IPv6 address): no wildcards.
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) return null;
  if (url.pathname !== '/' || /\/./.test(value.trim().replace(/^https?:\/\//i, ''))) return null;
  return url.origin;
}
