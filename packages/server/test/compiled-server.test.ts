import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoCredentials, readDemoCredentials } from '../src/seed/demo.ts';
import { type CompiledServer, startCompiledServer } from './support/compiled-server.ts';

// Production runs packages/server/dist: one bundle in another folder than the sources. What the
// code reads from disk beside its sources must still be found from there.
describe('the compiled server (packages/server/dist)', () => {
  let dir: string;
  let server: CompiledServer;
  let demo: DemoCredentials;
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.adminToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: T };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caredesk-compiled-'));
    const databaseFile = join(dir, 'caredesk.db');
    // --init: migrations from packages/schema/prisma, then the demo studio.
    server = await startCompiledServer(
      { DATABASE_URL: `file:${databaseFile}`, ATTACHMENTS_DIR: join(dir, 'attachments'), MONITORING_ENABLED: 'false' },
      { args: ['--init'] },
    );
    demo = readDemoCredentials(databaseFile) as DemoCredentials;
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should be ready with every migration applied, read from packages/schema/prisma', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(await response.json()).toEqual({ ready: true, database: 'ok', migrations: 'ok' });
  });

  it('should serve the widget and the console from their packages’ dist folders', async () => {
    const widget = await fetch(`${server.url}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toContain('javascript');
    const page = await fetch(`${server.url}/console`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${server.url}${script}`)).status).toBe(200);
  });

  it('should show GraphiQL to a browser, loading its page on the first visit', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('caredesk GraphiQL');
  });

  it('should write a monthly report PDF in Cyrillic with the fonts it finds through its package', async () => {
    const { data } = await gql<{ organizations: { edges: { node: { id: string } }[] } }>(
      '{ organizations { edges { node { id } } } }',
    );
    const organizationId = data.organizations.edges[0]?.node.id;
    const month = new Date().toISOString().slice(0, 7);
    const report = await gql<{ monthlyReport: { pdfUrl: string } }>(
      'query ($id: ID!, $month: String!) { monthlyReport(organizationId: $id, month: $month) { pdfUrl } }',
      { id: organizationId, month },
    );
    const link = new URL(report.data.monthlyReport.pdfUrl);
    const pdf = await fetch(`${server.url}${link.pathname}${link.search}`);
    expect(pdf.status).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Отчёт о работах');
  });
});
