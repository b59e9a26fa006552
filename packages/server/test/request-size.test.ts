import { request as httpRequest, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { operationBytes } from '../src/http/upload-limit.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** A valid GraphQL body of about `bytes` bytes: `{ viewer { kind } }` behind a comment. */
const bodyOf = (bytes: number) => JSON.stringify({ query: `# ${'x'.repeat(bytes)}\n{ viewer { kind } }` });

describeEachDatabase('the size of request bodies without files and of socket messages', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let port = 0;
  let server: Server;
  /** The server's end of every connection it accepts. */
  const accepted: Socket[] = [];
  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    ({ port, server } = await t.app.start());
    server.on('connection', (socket: Socket) => accepted.push(socket));
  });

  /** The server's end of the connection from a client's local port. */
  const serverSide = (clientPort: number | undefined) => {
    const socket = accepted.find((s) => s.remotePort === clientPort);
    if (!socket) throw new Error(`no connection from port ${clientPort}`);
    return socket;
  };
  /** Resolves once `socket` has closed. */
  const closed = (socket: Socket) =>
    new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
  afterAll(() => t.close());

  /** POSTs `body` over a real socket, with its Content-Length or chunked without one. */
  const post = (body: string, options: { token?: string; chunked?: boolean } = {}) =>
    new Promise<{ status: number; code: unknown }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': Buffer.byteLength(body) }),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => {
            const answer = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
            resolve({ status: res.statusCode ?? 0, code: answer.errors?.[0]?.extensions?.code ?? 'data' });
          });
        },
      );
      req.on('error', reject);
      if (options.chunked) {
        // Sent in 16 KB pieces, as a client streaming it would.
        for (let at = 0; at < body.length; at += 16_384) req.write(body.slice(at, at + 16_384));
        req.end();
      } else req.end(body);
    });

  const staff = () => demo.staff.find((person) => person.role === 'LINE1')?.token ?? '';

  it('should refuse an anonymous body over the public limit (128 KB) with 413 by its declared length', async () => {
    expect(await post(bodyOf(operationBytes.public + 1))).toEqual({ status: 413, code: 'REQUEST_TOO_LARGE' });
  });

  it('should answer an oversize declared body without reading it, and close the connection', async () => {
    // A megabyte declared, 1 KB sent: the answer comes, and the server closes the socket instead
    // of waiting to read (and throw away) the rest before the next request.
    const outcome = await new Promise<{ status: number; connection: unknown; closed: boolean }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': 1024 * 1024 },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => {
          const socket = req.socket;
          const done = () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, closed: true });
          if (!socket || socket.destroyed) done();
          else socket.once('close', done);
        });
      });
      req.on('error', reject);
      req.write('x'.repeat(1024));
    });
    expect(outcome).toEqual({ status: 413, connection: 'close', closed: true });
  });

  it('should read no more of an oversize declared body than came with its headers, then close the connection', async () => {
    // A megabyte declared and sent at once: the server stops reading when it refuses the body, where
    // node:http would read on while the answer is made, then drain (~180 KB of each such body, whose
    // buffers kept the collector busy under a flood).
    const body = bodyOf(1024 * 1024);
    let clientPort: number | undefined;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.on('socket', (socket) => socket.on('connect', () => (clientPort = socket.localPort)));
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      // The server closes the socket with most of the body unsent: writing the rest then fails.
      req.on('error', (error) => (clientPort === undefined ? reject(error) : undefined));
      req.end(body);
    });
    expect(status).toBe(413);
    const socket = serverSide(clientPort);
    await closed(socket);
    // At most what one read brings (64 KB) beside the headers.
    expect(socket.bytesRead).toBeLessThan(96 * 1024);
  });

  it('should refuse an anonymous chunked body once more than the public limit of it has come', async () => {
    expect(await post(bodyOf(operationBytes.public + 1), { chunked: true })).toEqual({
      status: 413,
      code: 'REQUEST_TOO_LARGE',
    });
  });

  it('should still read an anonymous body just under the public limit, chunked or not', async () => {
    // The document itself is then over its own length limit, refused after reading: the body was read.
    const body = bodyOf(operationBytes.public - 1024);
    expect(await post(body)).toEqual({ status: 200, code: 'QUERY_TOO_COMPLEX' });
    expect(await post(body, { chunked: true })).toEqual({ status: 200, code: 'QUERY_TOO_COMPLEX' });
  });

  it('should let a signed-in caller send up to 1 MB, and refuse more with 413', async () => {
    const body = bodyOf(operationBytes.staff - 1024);
    expect(await post(body, { token: staff() })).toEqual({ status: 200, code: 'QUERY_TOO_COMPLEX' });
    expect(await post(body, { token: staff(), chunked: true })).toEqual({ status: 200, code: 'QUERY_TOO_COMPLEX' });
    const over = bodyOf(operationBytes.staff + 1);
    expect(await post(over, { token: staff() })).toEqual({ status: 413, code: 'REQUEST_TOO_LARGE' });
    expect(await post(over, { token: staff(), chunked: true })).toEqual({ status: 413, code: 'REQUEST_TOO_LARGE' });
  });

  it('should hold a made-up credential to the public limit, as it holds a caller without one', async () => {
    // Until the caller was looked up before the body, any Authorization header raised it to 1 MB.
    const body = bodyOf(operationBytes.public + 1);
    expect(await post(body, { token: 'made-up' })).toEqual({ status: 413, code: 'REQUEST_TOO_LARGE' });
    expect(await post(body, { token: `cdk_${'x'.repeat(43)}`, chunked: true })).toEqual({
      status: 413,
      code: 'REQUEST_TOO_LARGE',
    });
  });

  /** One operation over a new graphql-ws connection: its first result's code, or the close code. */
  const overSocket = (query: string) =>
    new Promise<unknown>((resolve) => {
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      client.subscribe(
        { query },
        {
          next: (value) =>
            resolve(
              (value as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? 'data',
            ),
          error: (error) =>
            resolve(
              Array.isArray(error)
                ? (error[0] as { extensions?: { code?: string } }).extensions?.code
                : ((error as { code?: number }).code ?? 'error'),
            ),
          complete: () => void client.dispose(),
        },
      );
    });

  it('should close a socket whose message is over the public limit (128 KB) with 1009, and answer one just under it', async () => {
    const over = `# ${'x'.repeat(operationBytes.public)}\n{ viewer { kind } }`;
    const stderr = vi.spyOn(console, 'error');
    expect(await overSocket(over)).toBe(1009);
    // Refused quietly: no stack trace written for it (graphql-ws's own answer to a socket error).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
    // Read, then refused by the document's own length limit.
    const under = `# ${'x'.repeat(operationBytes.public - 1024)}\n{ viewer { kind } }`;
    expect(await overSocket(under)).toBe('QUERY_TOO_COMPLEX');
    expect(await overSocket('{ viewer { kind } }')).toBe('data');
  });

  it('should stop reading a socket whose message is over the limit, and still close it with 1009', async () => {
    // ws would read the rest of the message (here 900 KB) while it waited for the client's close frame.
    let clientPort: number | undefined;
    const client = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    client.on('upgrade', (response) => (clientPort = response.socket.localPort));
    await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
    const code = new Promise<number>((resolve) => client.once('close', resolve));
    client.on('error', () => {}); // the server may end the connection while the client still sends
    client.send(JSON.stringify({ type: 'connection_init', payload: 'x'.repeat(900 * 1024) }));
    expect(await code).toBe(1009);
    const socket = serverSide(clientPort);
    await closed(socket);
    expect(socket.bytesRead).toBeLessThan(256 * 1024);
  });

  it('should answer a small anonymous query as before, chunked or not', async () => {
    const body = JSON.stringify({ query: '{ viewer { kind } }' });
    expect(await post(body)).toEqual({ status: 200, code: 'data' });
    expect(await post(body, { chunked: true })).toEqual({ status: 200, code: 'data' });
  });
});
