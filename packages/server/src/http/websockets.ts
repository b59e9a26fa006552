import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger.ts';
import { sharedFrames } from '../subscriptions/shared-frames.ts';
import type { ClientAddressOf } from './client-address.ts';
import { connectionGate } from './connection-gate.ts';
import type { PublicDocumentCheck } from './public-document-check.ts';
import { operationBytes } from './upload-limit.ts';
import { variablesTooLong } from './variable-lists.ts';
import type { WebSocketLimits } from './websocket-config.ts';

type Enveloped = { execute: (args: ExecutionArgs) => never; subscribe: (args: ExecutionArgs) => never };

/** Close code for a connection over a cap: 1013 "Try Again Later" — browsers show it, graphql-ws clients retry later. */
export const tooManyConnectionsCode = 1013;

// Close reasons are at most 123 bytes of UTF-8.
const refusals = {
  address: 'Too many connections from this address / Слишком много соединений с адреса',
  total: 'Server is busy, try again later / Сервер занят, попробуйте позже',
};

/** ws's error for a message over maxPayload (it closes the socket with 1009). */
const oversizeMessage = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/** How long a socket closed for an oversize message is kept, unread, for its close frame to arrive. */
const oversizeLingerMs = 1_000;

/**
 * ws has sent close 1009 for a message over maxPayload, and would read the rest of the message
 * (hundreds of KB, whose buffers had the collector pause the server for all at a few dozen a
 * second) while it waits for the client's own close frame. The socket stops reading instead (once
 * ws has resumed it, on the next tick) and ends a second later: the client has its 1009 by then,
 * where ending it at once had one client in eight see an abnormal closure (1006).
 */
function leaveUnread(socket: WebSocket, raw: Duplex): void {
  process.nextTick(() => raw.pause());
  setTimeout(() => socket.terminate(), oversizeLingerMs).unref();
}

/** Clients that never send `connection_init` are closed (4408) after this long. */
const connectionInitWaitMs = 3_000;

export interface WebSocketOptions {
  server: Server;
  // biome-ignore lint/suspicious/noExplicitAny: yoga's generic instance type
  yoga: YogaServerInstance<any, any>;
  logger: Logger;
  originAllowed: (origin: string) => Promise<boolean>;
  /** Whether an upgrade's Origin is the console's own (the server reached at `host`). */
  fromConsole: (origin: string, host: string | undefined) => boolean;
  clientAddress: ClientAddressOf;
  limits: WebSocketLimits;
  /** The longest list any argument takes: longer ones in variables are refused before any work. */
  longestList: number;
  /** Sends documents from anyone but staff to the document-check worker before they are parsed here. */
  publicDocuments?: Pick<PublicDocumentCheck, 'prepare'>;
}

/**
 * graphql-ws on the same port and path as HTTP (/graphql). Operations run through yoga's
 * envelop, so the context, auth and error masking are the same as over HTTP. Connections are
 * capped per client address and in total; operations at once, per connection.
 */
export function attachWebSockets({
  server,
  yoga,
  logger,
  originAllowed,
  fromConsole,
  clientAddress,
  limits,
  longestList,
  publicDocuments,
}: WebSocketOptions): WebSocketServer {
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    // One message is one operation: the document's length limit plus room for variables,
    // so a huge frame is cut off by ws (close 1009) before anything reads it (its default is
    // 100 MB). The anonymous body limit, for every socket: who sent connection_init is not known
    // when a frame arrives, and a flood of 1 MB messages cost 15–35 ms of CPU each to unmask,
    // decode and parse. Sockets carry subscriptions and small operations; large ones go over HTTP.
    maxPayload: operationBytes.public,
    // Browsers from unknown origins may not open a socket; clients without an Origin may, and
    // the console, served by this server, may.
    verifyClient: (info, done) => {
      if (!info.origin || fromConsole(info.origin, info.req.headers.host)) return done(true);
      originAllowed(info.origin).then(
        (ok) => done(ok, 403, 'Origin not allowed'),
        () => done(false, 500),
      );
    },
  });

  const frames = sharedFrames();
  const gate = connectionGate({ perAddress: limits.maxConnectionsPerAddress, total: limits.maxConnections });
  const addresses = new WeakMap<WebSocket, string>();
  // Registered before graphql-ws's own listener: a connection over a cap is closed before it
  // is served. Refused at the socket, not with an HTTP 429, because browsers hide the status of
  // a failed handshake but show a close code and reason.
  wss.on('connection', (socket, request) => {
    const forwarded = request.headers['x-forwarded-for'];
    const address = clientAddress(
      request.socket.remoteAddress,
      Array.isArray(forwarded) ? forwarded.join(', ') : forwarded,
    );
    const place = gate.admit(address);
    if (typeof place === 'string') {
      logger.warn({ address, cap: place }, 'websocket refused: too many connections');
      socket.close(tooManyConnectionsCode, refusals[place]);
      return;
    }
    addresses.set(socket, address);
    socket.once('close', () => place.release());
    // A result shared by many subscribers is serialized once: its JSON goes into each frame here.
    const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
    socket.send = ((data: unknown, ...rest: unknown[]) => send(frames.frame(data), ...rest)) as typeof socket.send;
    // graphql-ws answers a socket's error (a message over maxPayload is one: ws has already closed
    // it with 1009) with console.error and its stack, written synchronously: a flood of oversize
    // messages became a flood of stack traces on stderr. Its listener, added after this one, is
    // replaced by a quiet one once the listeners of this event have run.
    queueMicrotask(() => {
      socket.removeAllListeners('error');
      socket.on('error', (error) => {
        logger.debug({ address, error: error.message }, 'websocket error');
        if ((error as { code?: string }).code === oversizeMessage) leaveUnread(socket, request.socket);
        else if (socket.readyState === socket.OPEN) socket.close(1011, 'Internal server error');
      });
    });
  });

  useServer(
    {
      connectionInitWaitTimeout: connectionInitWaitMs,
      // A refused socket is already closing: never acknowledge it.
      onConnect: (ctx) => addresses.has(ctx.extra.socket),
      execute: (args) => (args.rootValue as Enveloped).execute(args as ExecutionArgs),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args as ExecutionArgs),
      onSubscribe: async (ctx, _id, params) => {
        // graphql-ws has already entered this operation in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection) {
          return [tooManySubscriptions(limits.maxSubscriptionsPerConnection)];
        }
        const tooLong = variablesTooLong(params.variables, longestList);
        if (tooLong) return [tooLong];
        const initialContext = {
          ...ctx,
          connectionParams: operationCredentials(ctx.connectionParams, params.extensions),
          origin: ctx.extra.request.headers.origin ?? null,
          upgrade: { cookie: ctx.extra.request.headers.cookie, host: ctx.extra.request.headers.host },
          clientAddress: addresses.get(ctx.extra.socket),
          params,
        };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped(initialContext);
        // The caller first (its context holds the viewer): the token limit and yoga's parse cache
        // depend on whether it is staff, and over HTTP it is likewise known before parsing.
        const contextValue = await contextFactory();
        if (publicDocuments && (contextValue as { viewer?: { kind?: string } }).viewer?.kind !== 'staff') {
          const errors = await publicDocuments.prepare(initialContext, params.query);
          if (errors) return errors;
        }
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
          contextValue,
          rootValue: { execute, subscribe },
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => frames.onNext(result),
      jsonMessageReplacer: frames.replacer,
      onError: (_ctx, _id, _payload, errors) => {
        logger.debug({ errors: errors.map((e) => e.message) }, 'subscription error');
      },
    },
    wss,
  );
  return wss;
}

/**
 * The connection's parameters, with the operation's own `extensions.authorization` in place
 * of the connection's when it has one: one socket then carries operations of several
 * credentials, such as a browser following each of its tickets with that ticket's token.
 * Each operation is checked, watched for revocation and limited as the caller it names.
 */
export function operationCredentials(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  extensions: Readonly<Record<string, unknown>> | undefined | null,
): Readonly<Record<string, unknown>> | undefined {
  const own = extensions?.authorization;
  return typeof own === 'string' ? { ...connectionParams, authorization: own } : connectionParams;
}

function tooManySubscriptions(max: number): GraphQLError {
  return new GraphQLError(
    `Too many subscriptions on one connection (at most ${max}). / Слишком много подписок в одном соединении (не больше ${max}).`,
    { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } },
  );
}
