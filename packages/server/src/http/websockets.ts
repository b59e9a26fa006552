import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logger.ts';

type Enveloped = { execute: (args: ExecutionArgs) => never; subscribe: (args: ExecutionArgs) => never };

/**
 * graphql-ws on the same port and path as HTTP (/graphql). Operations run through yoga's
 * envelop, so the context, auth and error masking are the same as over HTTP.
 */
export function attachWebSockets(
  server: Server,
  // biome-ignore lint/suspicious/noExplicitAny: yoga's generic instance type
  yoga: YogaServerInstance<any, any>,
  logger: Logger,
  originAllowed: (origin: string) => Promise<boolean>,
): WebSocketServer {
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    // Browsers from unknown origins may not open a socket; clients without an Origin may.
    verifyClient: (info, done) => {
      if (!info.origin) return done(true);
      originAllowed(info.origin).then(
        (ok) => done(ok, 403, 'Origin not allowed'),
        () => done(false, 500),
      );
    },
  });
  useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args as ExecutionArgs),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args as ExecutionArgs),
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          connectionParams: ctx.connectionParams,
          origin: (ctx.extra as { request?: { headers?: { origin?: string } } }).request?.headers?.origin ?? null,
          socketAddress: (ctx.extra as { request?: { socket?: { remoteAddress?: string } } }).request?.socket
            ?.remoteAddress,
          params,
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(params.query);
        } catch (error) {
          return [error as never];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
      onError: (_ctx, _id, _payload, errors) => {
        logger.debug({ errors: errors.map((e) => e.message) }, 'subscription error');
      },
    },
    wss,
  );
  return wss;
}
