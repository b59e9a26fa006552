import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { worstAccepted } from './support/hostile-documents.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** The largest document the limits let anyone send (49 fields in 200 tokens, ~75 KB once parsed), made distinct by a comment. */
const largest = worstAccepted().manyFields();
const distinct = (i: number) => `${largest}\n# ${i}`;

describeEachDatabase("yoga's parse cache", (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let url = '';
  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    ({ url } = await t.app.start());
  });
  afterAll(() => t.close());

  const send = async (query: string, token?: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    const answer = (await response.json()) as { data?: { viewer?: { kind: string } } };
    expect(answer.data?.viewer?.kind).toBeDefined();
  };

  /** How much the heap keeps after `count` distinct documents from one caller, each sent `times` times. */
  const keptBy = async (count: number, first: number, token?: string, times = 1) => {
    const before = heapAfterGc();
    for (let i = first; i < first + count; i++) for (let time = 0; time < times; time++) await send(distinct(i), token);
    return heapAfterGc() - before;
  };

  it("should keep no parsed document of a caller who is not staff (none, or a made-up credential), and a staff member's only from its second time", async () => {
    await keptBy(20, 0); // warm-up: code and caches of the first requests
    const anonymous = await keptBy(200, 1_000);
    // A credential's presence is not enough: it is looked up before the document is parsed.
    const madeUp = await keptBy(200, 2_000, `cdk_${'x'.repeat(43)}`);
    const staff = demo.staff.find((person) => person.role === 'LINE1')?.token;
    // A staff member's documents, each new, are not kept either: the cache keeps a text from its
    // second time (a flood of new texts would churn it); sent twice, they are.
    const signedInOnce = await keptBy(200, 3_000, staff);
    const signedInTwice = await keptBy(200, 4_000, staff, 2);
    // 200 documents of ~75 KB: about 15 MB when cached (the staff control shows it is measurable).
    expect(signedInTwice).toBeGreaterThan(10 * 2 ** 20);
    expect(signedInOnce).toBeLessThan(4 * 2 ** 20);
    expect(anonymous).toBeLessThan(4 * 2 ** 20);
    expect(madeUp).toBeLessThan(4 * 2 ** 20);
    // 1,020 requests one after another, with full collections: about 35 s alone, more beside the
    // rest of the suite on two cores (620 of them once took over 30 s on PostgreSQL there).
  }, 240_000);
});
