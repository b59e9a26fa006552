import type { Plugin } from 'graphql-yoga';

/** A route; `serverContext` is the Node request's (the socket's address, for per-address limits). */
export type Route = (request: Request, serverContext?: unknown) => Promise<Response> | Response;

/**
 * Serves plain HTTP routes (health, demo page, widget script) from inside yoga, so that
 * tests reach them through `yoga.fetch` like the API itself.
 */
export function useRoutes(routes: Record<string, Route>, prefixes: Record<string, Route> = {}): Plugin {
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      const route =
        routes[url.pathname] ?? Object.entries(prefixes).find(([prefix]) => url.pathname.startsWith(prefix))?.[1];
      if (route) endResponse(await route(request, serverContext));
    },
  };
}
