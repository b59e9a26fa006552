import type { Plugin } from 'graphql-yoga';

/** A route; `serverContext` is the Node request's (the socket's address, for per-address limits). */
export type Route = (request: Request, serverContext?: unknown) => Promise<Response> | Response;

/**
 * Serves plain HTTP routes (health, demo page, widget script) from inside yoga, so that
 * tests reach them through `yoga.fetch` like the API itself.
 */
export function useRoutes(routes: Record<string, Route>, prefixes: Record<string, Route> = {}): Plugin {
  const byPrefix = Object.entries(prefixes);
  return {
    onRequest({ request, url, endResponse, serverContext }) {
      // The API itself (yoga's endpoint, GraphiQL too) is no route: most requests go on at once.
      if (url.pathname === '/graphql') return;
      const route = routes[url.pathname] ?? byPrefix.find(([prefix]) => url.pathname.startsWith(prefix))?.[1];
      if (route) return Promise.resolve(route(request, serverContext)).then(endResponse);
    },
  };
}
