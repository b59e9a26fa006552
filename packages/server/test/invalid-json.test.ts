import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from './support/test-app.ts';

const payload = '<script>alert("caredesk")</script>';

describeEachDatabase('answers to invalid JSON', (provider) => {
  let t: TestApp;
  let url = '';
  beforeAll(async () => {
    t = await createTestApp(provider);
    ({ url } = await t.app.start());
  });
  afterAll(() => t.close());

  const generic = {
    errors: [
      {
        message: 'The request is not valid JSON. / Запрос не является корректным JSON.',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  };

  it('should answer a broken JSON body with a generic 400 that quotes nothing of it', async () => {
    for (const accept of ['*/*', 'application/json', 'application/graphql-response+json']) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: `{"query": "${payload}`,
      });
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(JSON.parse(text)).toEqual(generic);
      expect(text).not.toContain('script');
    }
  });

  it('should answer broken JSON in the variables of a GET with the same 400, not an internal error', async () => {
    const query = encodeURIComponent('{ viewer { kind } }');
    const response = await fetch(`${url}/graphql?query=${query}&variables=${encodeURIComponent(payload)}`, {
      headers: { accept: 'application/json' },
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toEqual(generic);
  });

  it('should close a socket that sends a broken graphql-ws message with 4400, quoting nothing of it', async () => {
    const socket = new WebSocket(`${url.replace('http:', 'ws:')}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
    socket.on('open', () => socket.send(`{"type":"connection_init","payload":{"x":"${payload}"`));
    expect(await closed).toEqual({ code: 4400, reason: 'Invalid message received' });
  });
});
