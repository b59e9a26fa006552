import type { Viewer } from '@caredesk/schema/graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Who sends each HTTP request to /graphql, looked up once, as soon as its headers are in: the
 * body limit (read next), the token limit and yoga's parse cache (at parsing) and the refusal
 * throttle all depend on it, and the request's context takes it from here instead of a second
 * lookup. yoga builds the context only after parsing and validating, so until now these checks
 * could only ask whether a credential was *present*: any stranger sending
 * `Authorization: Bearer x` was measured as staff.
 */
export function requestViewers(lookUp: (request: Request) => Promise<Viewer>) {
  const pending = new WeakMap<Request, Promise<Viewer>>();
  const known = new WeakMap<Request, Viewer>();
  const viewer = (request: Request): Promise<Viewer> => {
    let found = pending.get(request);
    if (!found) {
      found = lookUp(request);
      pending.set(request, found);
    }
    return found;
  };
  const plugin: Plugin = {
    onRequest({ request, url }) {
      // Started here, awaited by whoever needs it first; a failure is the context's to report.
      if (url.pathname === '/graphql') viewer(request).catch(() => {});
    },
    async onParams({ request }) {
      const found = pending.get(request);
      if (!found) return;
      try {
        known.set(request, await found);
      } catch {
        // The context factory awaits the same lookup and answers with its error.
      }
    },
  };
  return {
    plugin,
    /** The request's viewer: looked up once per request. */
    viewer,
    /** Whether `request` (once its parameters are read) is a staff member's or a staff API token's. */
    isStaff: (request: Request) => known.get(request)?.kind === 'staff',
  };
}

export type RequestViewers = ReturnType<typeof requestViewers>;

/**
 * Whether an operation's caller is staff, from envelop's context: over HTTP, the request's viewer
 * looked up above; over graphql-ws, the context is built before parsing (websockets.ts), so its
 * `viewer` is there. Anything not known to be staff is treated as the public.
 */
export function staffOperation(viewers: RequestViewers) {
  return (context: unknown): boolean => {
    const { request, viewer } = (context ?? {}) as { request?: Request; viewer?: Viewer };
    if (viewer) return viewer.kind === 'staff';
    return request ? viewers.isStaff(request) : false;
  };
}
