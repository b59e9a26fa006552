import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Room for the multipart framing and the operation itself beside the files.
const envelopeBytes = 64 * 1024;

/**
 * The most a request without files may hold. From staff (a session or an API token): a megabyte
 * (a 100,000-character article, escaped). From anyone else: 128 KB — the largest thing a visitor
 * or a contact sends is a 20,000-character message: 40 KB of Cyrillic as the widget sends it,
 * 117 KB if a client escapes every character as `\uXXXX`. A flood of bodies of a megabyte (each
 * read, decoded and parsed as JSON before any limit could see it) is refused before it is read.
 * Public bodies stay below V8's large-object size: 256 KB ones, read and parsed at a few dozen a
 * second, had the collector run full collections that paused the server for everyone (bench/RESULTS.md).
 */
export const operationBytes = { staff: 1024 * 1024, public: 128 * 1024 };

const tooLarge = () =>
  new GraphQLError('The request is larger than allowed. / Запрос больше допустимого размера.', {
    extensions: { code: 'REQUEST_TOO_LARGE', http: { status: 413, headers: { connection: 'close' } } },
  });

/** The body of `request`, cut off with {@link tooLarge} once more than `limit` bytes have come. */
function withLimitedBody(request: Request, limit: number): Request {
  if (!request.body) return request;
  let read = 0;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body,
    // @ts-expect-error Node's fetch wants `duplex` for a streamed body; the DOM types lack it
    duplex: 'half',
  });
}

/**
 * Leaves a refused body unread: the socket stops reading now, and is closed as soon as the answer
 * is written. Otherwise node:http reads on while yoga answers, then drains the rest (to keep the
 * connection, or until it has closed it): ~175 KB of each body of hundreds of KB read for nothing,
 * and at a few dozen such bodies a second their buffers had the collector pause the server for all
 * (bench/RESULTS.md). Only over node:http; other ways in (yoga.fetch) have no socket.
 */
function leaveBodyUnread(serverContext: unknown): void {
  const { req, res } = (serverContext ?? {}) as { req?: IncomingMessage; res?: ServerResponse };
  const socket = req?.socket;
  if (!socket || !res) return;
  socket.pause();
  res.once('finish', () => socket.destroy());
}

/**
 * Refuses an upload before reading it when its declared size is over the limit, or when it
 * declares none (a body of unknown length could be endless). Files are checked one by one
 * again after parsing. Other bodies are held to {@link operationBytes}: refused by their declared
 * length before they are read, and cut off while read when they declare none.
 */
export function useUploadLimit(
  maxRequestBytes: number,
  /** Whether the request is a staff member's (its credential looked up from the headers alone). */
  staff: (request: Request) => Promise<boolean>,
): Plugin {
  const isMultipart = (request: Request) => request.headers.get('content-type')?.includes('multipart/form-data');
  const operationLimit = async (request: Request) =>
    (await staff(request)) ? operationBytes.staff : operationBytes.public;
  return {
    async onRequest({ request, endResponse, url, serverContext }) {
      if (request.method !== 'POST' || url.pathname !== '/graphql') return;
      const declared = request.headers.get('content-length');
      // The body is refused unread, and the connection closed once the answer is written (leaveBodyUnread).
      const refuse = (status: number, message: string, code: string) => {
        leaveBodyUnread(serverContext);
        endResponse(
          Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers: { connection: 'close' } }),
        );
      };
      // node:http refuses a malformed length itself; other ways in (yoga.fetch) are held to the same.
      if (declared !== null && !/^\d+$/.test(declared))
        return refuse(400, 'Content-Length is invalid. / Неверный заголовок Content-Length.', 'BAD_REQUEST');
      if (!isMultipart(request)) {
        if (declared !== null && Number(declared) > (await operationLimit(request))) {
          return refuse(
            413,
            'The request is larger than allowed. / Запрос больше допустимого размера.',
            'REQUEST_TOO_LARGE',
          );
        }
        return;
      }
      if (declared === null)
        return refuse(411, 'Uploads must declare their length. / Укажите размер загрузки.', 'LENGTH_REQUIRED');
      if (Number(declared) > maxRequestBytes + envelopeBytes) {
        return refuse(
          413,
          'The upload is larger than allowed. / Загрузка больше допустимого размера.',
          'UPLOAD_TOO_LARGE',
        );
      }
    },
    async onRequestParse({ request, requestParser, setRequestParser }) {
      // A body that declares its length was measured above; one that does not is counted as it comes.
      if (!requestParser || request.method !== 'POST' || isMultipart(request)) return;
      if (request.headers.get('content-length') !== null) return;
      const limit = await operationLimit(request);
      setRequestParser((incoming) => requestParser(withLimitedBody(incoming, limit)));
    },
  };
}
