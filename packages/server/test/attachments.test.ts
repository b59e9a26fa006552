import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { multipartRequest, sampleFiles } from './support/multipart.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const submitWithFiles = /* GraphQL */ `
  mutation ($input: SubmitTicketInput!) {
    submitTicket(input: $input) {
      ... on SubmitTicketPayload { ticket { id attachments { fileName contentType sizeBytes url } } }
      ... on DomainError { code field }
    }
  }
`;

type Outcome = {
  ticket?: { id: string; attachments: { fileName: string; contentType: string; sizeBytes: number; url: string }[] };
  code?: string;
  field?: string;
};

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describeEachDatabase('attachments', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let clockOffset = 0;
  const token = () => demo.staff.find((s) => s.role === 'LINE1')?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => new Date(Date.now() + clockOffset) });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  async function submit(key: string, files: { name: string; bytes: Uint8Array }[]) {
    const request = await multipartRequest(
      'http://localhost/graphql',
      {
        query: submitWithFiles,
        variables: {
          input: {
            title: 'Скриншот ошибки',
            description: 'См. файл',
            idempotencyKey: key,
            attachments: files.map(() => null),
          },
        },
      },
      files.map((file, i) => ({ path: `variables.input.attachments.${i}`, ...file })),
      { authorization: `Bearer ${token()}` },
    );
    const response = await t.app.yoga.fetch(request);
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: { submitTicket: Outcome };
        errors?: { extensions?: { code?: string } }[];
      },
    };
  }

  async function nothingStoredSince(rows: number) {
    expect(await t.database.db.attachment.count()).toBe(rows);
    expect(filesIn(t.attachmentsDir).filter((name) => !knownFiles.has(name))).toEqual([]);
  }
  const knownFiles = new Set<string>();

  it('should keep a screenshot with the new ticket, typed by its content, and serve it only through a signed link', async () => {
    const { body } = await submit('files-ok-0001', [
      { name: 'screen.png', bytes: sampleFiles.png() },
      { name: 'invoice.PDF', bytes: sampleFiles.pdf() },
    ]);
    const attachments = body.data?.submitTicket.ticket?.attachments ?? [];
    expect(attachments.map((a) => [a.fileName, a.contentType, a.sizeBytes])).toEqual([
      ['screen.png', 'image/png', sampleFiles.png().byteLength],
      ['invoice.PDF', 'application/pdf', sampleFiles.pdf().byteLength],
    ]);
    for (const name of filesIn(t.attachmentsDir)) knownFiles.add(name);

    const link = new URL(attachments[0]?.url ?? '');
    const download = await t.app.yoga.fetch(`http://localhost${link.pathname}${link.search}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(sampleFiles.png());
    const pdf = new URL(attachments[1]?.url ?? '');
    expect(
      (await t.app.yoga.fetch(`http://localhost${pdf.pathname}${pdf.search}`)).headers.get('content-disposition'),
    ).toMatch(/^attachment;/);

    const forged = `http://localhost${link.pathname}${link.search.replace(/sig=.{4}/, 'sig=AAAA')}`;
    expect((await t.app.yoga.fetch(forged)).status).toBe(403);
    expect((await t.app.yoga.fetch(`http://localhost${link.pathname}`)).status).toBe(403);
    clockOffset = 16 * 60_000;
    expect((await t.app.yoga.fetch(`http://localhost${link.pathname}${link.search}`)).status).toBe(403);
    clockOffset = 0;
  });

  it('should refuse a file over 5 MB with FILE_TOO_LARGE and keep nothing, not even the ticket', async () => {
    const rows = await t.database.db.attachment.count();
    const tickets = await t.database.db.ticket.count();
    const { body } = await submit('files-big-0001', [
      { name: 'big.pdf', bytes: sampleFiles.sized(5 * 1024 * 1024 + 1) },
    ]);
    expect(body.data?.submitTicket).toEqual({ code: 'FILE_TOO_LARGE', field: 'files' });
    await nothingStoredSince(rows);
    expect(await t.database.db.ticket.count()).toBe(tickets);
  });

  it('should refuse files that are together over 5.5 MB, and a request declaring more before reading it', async () => {
    const rows = await t.database.db.attachment.count();
    const justOver = Math.ceil((5.5 * 1024 * 1024) / 2) + 1024;
    const typed = await submit('files-sum-0001', [
      { name: 'a.pdf', bytes: sampleFiles.sized(justOver) },
      { name: 'b.pdf', bytes: sampleFiles.sized(justOver) },
    ]);
    expect(typed.body.data?.submitTicket).toEqual({ code: 'UPLOAD_TOO_LARGE', field: 'files' });
    const refused = await submit('files-sum-0002', [
      { name: 'a.pdf', bytes: sampleFiles.sized(3 * 1024 * 1024) },
      { name: 'b.pdf', bytes: sampleFiles.sized(3 * 1024 * 1024) },
    ]);
    expect(refused.status).toBe(413);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UPLOAD_TOO_LARGE');
    await nothingStoredSince(rows);
  });

  it('should refuse HTML or SVG dressed up as an image by its name', async () => {
    const rows = await t.database.db.attachment.count();
    for (const [name, bytes] of [
      ['photo.png', sampleFiles.html()],
      ['logo.svg', sampleFiles.svg()],
      ['scan.jpg', sampleFiles.svg()],
    ] as const) {
      const { body } = await submit(`files-type-${name}`, [{ name, bytes }]);
      expect(body.data?.submitTicket).toEqual({ code: 'UNSUPPORTED_FILE_TYPE', field: 'files' });
    }
    await nothingStoredSince(rows);
  });

  it('should refuse more than 10 files at once', async () => {
    const rows = await t.database.db.attachment.count();
    const files = Array.from({ length: 11 }, (_, i) => ({ name: `s${i}.png`, bytes: sampleFiles.png() }));
    expect((await submit('files-many-0001', files)).body.data?.submitTicket).toEqual({
      code: 'TOO_MANY_FILES',
      field: 'files',
    });
    await nothingStoredSince(rows);
  });

  it('should keep nothing of an upload the client abandons halfway', async () => {
    const rows = await t.database.db.attachment.count();
    const { port } = await t.app.start();
    const request = await multipartRequest(
      `http://127.0.0.1:${port}/graphql`,
      {
        query: submitWithFiles,
        variables: { input: { title: 'x', description: 'y', idempotencyKey: 'files-abort-01', attachments: [null] } },
      },
      [{ path: 'variables.input.attachments.0', name: 'half.pdf', bytes: sampleFiles.sized(1024 * 1024) }],
      { authorization: `Bearer ${token()}` },
    );
    const body = new Uint8Array(await request.arrayBuffer());
    const closed = new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: ${request.headers.get('content-type')}\r\ncontent-length: ${body.byteLength}\r\nauthorization: Bearer ${token()}\r\ngraphql-require-preflight: 1\r\n\r\n`,
        );
        socket.write(body.subarray(0, body.byteLength / 2), () => socket.destroy());
      });
      socket.on('close', () => resolve());
    });
    await closed;
    // A full request after it is served: by then the abandoned one has been dropped.
    const after = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(after.status).toBe(200);
    await nothingStoredSince(rows);
    expect(await t.database.db.ticket.count({ where: { title: 'x', description: 'y' } })).toBe(0);
  });
});
