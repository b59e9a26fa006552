/**
 * The caller's address for rate limits: the socket's, or — only when the operator says a
 * trusted proxy is in front — the first address of X-Forwarded-For. Without either (tests
 * through yoga.fetch) all callers share the address "local".
 */
export function clientAddress(request: Request | null, socketAddress: string | null, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request?.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress ?? 'local';
}
