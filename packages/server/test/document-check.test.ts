import { readdirSync, readFileSync } from 'node:fs';
import { schema } from '@caredesk/schema/graphql';
import { parse, printSchema, Source, specifiedRules, validate } from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as widgetQueries from '../../widget/src/queries.ts';
import * as widgetTicketQueries from '../../widget/src/ticket-queries.ts';
import { checkDocument, checkingSchema, rebuiltErrors } from '../src/http/document-check.ts';
import { documentCheckerDefaults, sharedDocumentChecker, workerDocumentChecker } from '../src/http/document-checker.ts';
import { checkQueryLimits, moreTokensThan, QueryTooComplexError, queryLimits } from '../src/http/query-limits.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { firstResultOverSocket } from './support/first-result-over-socket.ts';
import { hostileDocuments, worstAccepted } from './support/hostile-documents.ts';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/test-app.ts';

const times = (n: number, part: (i: number) => string) => Array.from({ length: n }, (_, i) => part(i)).join(' ');

const worst = worstAccepted();

const widgetDocuments = Object.entries({ ...widgetQueries, ...widgetTicketQueries }).filter(
  (entry): entry is [string, string] =>
    typeof entry[1] === 'string' && /^(query|mutation|subscription)\b/.test(entry[1]),
);

/** Documents a public caller may send: the widget's, hostile ones, and mistakes of every kind validation names. */
const documents: [string, string][] = [
  ...widgetDocuments.map(([name, query]): [string, string] => [`the widget's ${name}`, query]),
  ...hostileDocuments.map(({ name, query }): [string, string] => [name, query]),
  [`the worst accepted: ${worst.fields} × viewer { kind }`, worst.manyFields()],
  [`${worst.fragments} fragments spread side by side`, worst.manyFragments],
  ['one field over the public token limit', worst.manyFields(worst.fields + 1)],
  ['an unknown field', '{ viewer { kindx } }'],
  ['an unknown argument', '{ viewer(locale: "ru") { kind } }'],
  ['a variable of the wrong type', 'query ($id: Boolean!) { node(id: $id) { id } }'],
  ['an undefined variable', '{ node(id: $id) { id } }'],
  ['an unused fragment', '{ viewer { kind } } fragment F on Query { __typename }'],
  ['same-named fields that cannot merge', '{ viewer { kind } viewer: __typename }'],
  [
    'a subscription with two root fields',
    'subscription { a: ticketUpdated(id: "x") { id } b: ticketUpdated(id: "y") { id } }',
  ],
  ['introspection (valid; refused to the public when it runs)', '{ __schema { types { name } } }'],
  [
    'a date that is not one, written in the document',
    '{ calendarDays(from: "2026-13-45", to: "2026-12-31") { date } }',
  ],
  ['an instant that is not one', '{ monitors(first: 1) { rollups(before: "soon", period: DAY) { checks } } }'],
  ['JSON written as an object literal', 'mutation { setSlaTargets(targets: { urgent: 1 }) { __typename } }'],
  ['JSON written as a string', 'mutation { setSlaTargets(targets: "{}") { __typename } }'],
  ['a syntax error', '{ viewer { kind }'],
  ['too many tokens', `{ ${times(300, () => '__typename')} }`],
];

describe('checking a public document on another thread', () => {
  // The worker builds the schema from its printed SDL: the verdicts must be the served schema's.
  const printed = checkingSchema(printSchema(schema));

  it.each(documents)('should give %s the answer the request’s own thread would give', (_name, text) => {
    const verdict = checkDocument(printed, text, queryLimits);
    let inPlace: ReturnType<typeof validate> | 'left to the request';
    try {
      // Over the length, the request's own thread refuses the text before parsing it.
      if (text.length > queryLimits.maxLength) throw new Error('too long');
      // Then it counts the tokens (useQueryLimits), before the parser.
      if (moreTokensThan(text, queryLimits.maxPublicTokens))
        throw new QueryTooComplexError('tokens', queryLimits.maxPublicTokens);
      const document = parse(text, { maxTokens: queryLimits.maxPublicTokens });
      const refusal = checkQueryLimits(schema, document);
      inPlace = refusal ? [refusal] : validate(schema, document, specifiedRules, { hideSuggestions: true });
    } catch (error) {
      inPlace = error instanceof QueryTooComplexError ? [error] : 'left to the request';
    }
    if (inPlace === 'left to the request') expect(verdict).toEqual({ kind: 'unchecked' });
    else if (inPlace.length === 0) expect(verdict).toEqual({ kind: 'valid' });
    else {
      expect(verdict.kind).toBe('invalid');
      const rebuilt = verdict.kind === 'invalid' ? rebuiltErrors(verdict.errors, new Source(text)) : [];
      expect(rebuilt.map((e) => e.toJSON())).toEqual(inPlace.map((e) => e.toJSON()));
    }
  });

  it('should answer from a worker thread, and remember a valid document from its second time instead of asking again', async () => {
    const checker = workerDocumentChecker(schema, queryLimits);
    expect(await checker.check('{ viewer { kind } }')).toEqual({ kind: 'valid' });
    expect(await checker.check('{ viewer { kindx } }')).toMatchObject({ kind: 'invalid' });
    expect(checker.answered()).toBe(2);
    expect(await checker.check('{ viewer { kind } }')).toEqual({ kind: 'valid' });
    expect(checker.answered()).toBe(3);
    expect(await checker.check('{ viewer { kind } }')).toEqual({ kind: 'valid' });
    expect(checker.answered()).toBe(3);
  });

  it('should not let a flood of valid documents, each new, push out the ones that come back', async () => {
    const checker = workerDocumentChecker(schema, queryLimits, { ...documentCheckerDefaults, cacheEntries: 4 });
    for (let time = 0; time < 2; time++) await checker.check('{ viewer { kind } }');
    for (let copy = 0; copy < 20; copy++) await checker.check(`{ viewer { kind } } # ${copy}`);
    const before = checker.answered();
    expect(await checker.check('{ viewer { kind } }')).toEqual({ kind: 'valid' });
    expect(checker.answered()).toBe(before);
  });

  it.runIf(process.platform === 'linux')(
    'should check on a thread that gives way to the event loop when the cores are busy (a lower priority)',
    async () => {
      // Each thread's niceness, from /proc (field 19 of its stat), the main thread's first.
      const niceness = (id: string) =>
        Number(readFileSync(`/proc/self/task/${id}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]);
      const lowered = () => readdirSync('/proc/self/task').filter((id) => niceness(id) === 10).length;
      const before = lowered();
      const checker = workerDocumentChecker(schema, queryLimits);
      expect(await checker.check('{ __typename }')).toEqual({ kind: 'valid' });
      expect(lowered()).toBe(before + 1);
      expect(niceness(String(process.pid))).toBe(0);
    },
  );

  it('should answer busy at once when as many documents as it holds are waiting', async () => {
    const checker = workerDocumentChecker(schema, queryLimits, { ...documentCheckerDefaults, maxWaiting: 2 });
    const waiting = [checker.check('{ a: __typename }'), checker.check('{ b: __typename }')];
    expect(await checker.check('{ c: __typename }')).toEqual({ kind: 'busy' });
    expect(await Promise.all(waiting)).toEqual([{ kind: 'valid' }, { kind: 'valid' }]);
    expect(await checker.check('{ c: __typename }')).toEqual({ kind: 'valid' });
  });
});

describe('public documents over HTTP and WebSocket', () => {
  let t: TestApp;
  let demo: DemoCredentials;
  let base: string;
  const clients: Client[] = [];
  const checker = sharedDocumentChecker(schema, queryLimits);
  let sequence = 0;
  /** A document no one has sent before (a new alias each time). */
  const fresh = (selection = 'viewer { kind }') => `{ n${sequence++}: __typename ${selection} }`;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const { port } = await t.app.start();
    base = `127.0.0.1:${port}`;
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    await t.close();
  });

  const overHttp = async (query: string, token?: string) => {
    const response = await fetch(`http://${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  const overSocket = (query: string, token?: string) => firstResultOverSocket(base, clients, query, token);
  const staffToken = () => demo.staff.find((s) => s.role === 'LINE1')?.token ?? '';

  /** The worker's answers while `send` runs. */
  const answersDuring = async (send: () => Promise<unknown>) => {
    const before = checker.answered();
    await send();
    return checker.answered() - before;
  };

  it.each([
    ['HTTP', overHttp],
    ['WebSocket', overSocket],
  ] as const)('should have the worker check an anonymous document over %s, and answer it', async (_name, send) => {
    const query = fresh();
    let answer: GraphQLResponse | undefined;
    expect(await answersDuring(async () => (answer = await send(query)))).toBe(1);
    expect(answer?.data).toMatchObject({ viewer: { kind: 'ANONYMOUS' } });
    // Valid and short: remembered from its second time, so the widget's documents are checked twice.
    expect(await answersDuring(() => send(query))).toBe(1);
    expect(await answersDuring(() => send(query))).toBe(0);
  });

  it.each([
    ['HTTP', overHttp],
    ['WebSocket', overSocket],
  ] as const)('should not send a staff member’s document over %s to the worker', async (_name, send) => {
    let answer: GraphQLResponse | undefined;
    expect(await answersDuring(async () => (answer = await send(fresh(), staffToken())))).toBe(0);
    expect(answer?.data).toMatchObject({ viewer: { kind: 'STAFF' } });
  });

  it.each([
    ['HTTP', overHttp],
    ['WebSocket', overSocket],
  ] as const)(
    'should answer an invalid anonymous document over %s with the worker’s errors, located and without suggestions',
    async (_name, send) => {
      const query = fresh('viewer { kinds }');
      let answer: GraphQLResponse | undefined;
      expect(await answersDuring(async () => (answer = await send(query)))).toBe(1);
      expect(answer?.errors).toEqual([
        expect.objectContaining({
          message: 'Cannot query field "kinds" on type "Viewer".',
          locations: [{ line: 1, column: query.indexOf('kinds') + 1 }],
          extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
        }),
      ]);
    },
  );

  it.each([
    ['application/json', 200],
    ['application/graphql-response+json', 400],
  ])(
    'should answer an invalid anonymous document accepting %s as it answers staff: HTTP %i, the same body',
    async (accept, status) => {
      const query = '{ viewer { zzzzzz } }'; // nothing to suggest, so staff's answer has no "Did you mean"
      const answerOf = async (token?: string) => {
        const response = await fetch(`http://${base}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query }),
        });
        return { status: response.status, body: await response.json() };
      };
      let anonymous: unknown;
      expect(await answersDuring(async () => (anonymous = await answerOf()))).toBe(1);
      expect(await answersDuring(async () => expect(await answerOf(staffToken())).toEqual(anonymous))).toBe(0);
      expect(anonymous).toMatchObject({ status });
    },
  );

  it('should refuse an anonymous document over a limit with the limit’s error, from the worker', async () => {
    const query = `{ ${times(40, (i) => `a${i}: __typename`)} }`;
    let answer: GraphQLResponse | undefined;
    expect(await answersDuring(async () => (answer = await overHttp(query)))).toBe(1);
    expect(answer?.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  });
});
