import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const submit = /* GraphQL */ `
  mutation ($input: SubmitTicketInput!) {
    submitTicket(input: $input) {
      ... on SubmitTicketPayload { created ticket { id } }
      ... on DomainError { code field }
    }
  }
`;
type Submitted = { submitTicket: { created?: boolean; code?: string } };

const hour = 3_600_000;
const shop = 'https://flowers.example';
const title = 'Claim a prize at prize-desk.example today';

describeEachDatabase('letters to addresses nobody verified', (provider) => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.close();
  });

  /** An app on a clock the test moves; the submit limits are raised so they never stop a letter. */
  async function setUp(env: Record<string, string> = {}) {
    let clock = new Date('2026-03-10T09:00:00Z');
    const t = await createTestApp(provider, {
      env: { RATE_LIMIT_SUBMIT_IP: '1000/600', RATE_LIMIT_SUBMIT_SITE: '1000/600', ...env },
      now: () => clock,
    });
    apps.push(t);
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000', now: clock })) as DemoCredentials;
    let keys = 0;
    const report = async (visitorEmail: string, language = 'ru') => {
      const response = await t.gql<Submitted>(
        submit,
        {
          input: {
            siteKey: demo.siteKeys[0],
            title,
            description: 'Follow the link in the subject',
            idempotencyKey: `unverified-${++keys}`,
            visitorEmail,
          },
        },
        undefined,
        { origin: shop, 'accept-language': language },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.submitTicket.created).toBe(true);
    };
    const lettersTo = (address: string) =>
      t.database.db.outboxMail.findMany({
        where: { to: { in: [address, address.toLowerCase()] } },
        orderBy: { createdAt: 'asc' },
      });
    const later = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    return { report, lettersTo, later };
  }

  it('should queue 5 confirmations a day to one unverified address, whatever its case, and one more a day later', async () => {
    const { report, lettersTo, later } = await setUp();
    const spellings = ['stranger@mail.example', 'Stranger@Mail.example', ' STRANGER@MAIL.EXAMPLE '];
    for (let i = 0; i < 6; i++) {
      await report(spellings[i % spellings.length] ?? '');
      later(hour);
    }
    // Every ticket is filed; only the letters stop, all counted under one address.
    let letters = await lettersTo('stranger@mail.example');
    expect(letters).toHaveLength(5);
    expect(new Set(letters.map((l) => l.to))).toEqual(new Set(['stranger@mail.example']));

    // 23 hours after the first letter it still counts; 24 hours after, it no longer does.
    later(17 * hour);
    await report('stranger@mail.example');
    expect(await lettersTo('stranger@mail.example')).toHaveLength(5);
    later(hour);
    await report('Stranger@mail.example');
    letters = await lettersTo('stranger@mail.example');
    expect(letters).toHaveLength(6);
  });

  it('should take the allowance from MAIL_UNVERIFIED_PER_DAY, and write none when it is 0', async () => {
    const two = await setUp({ MAIL_UNVERIFIED_PER_DAY: '2' });
    for (let i = 0; i < 4; i++) await two.report('twice@mail.example');
    expect(await two.lettersTo('twice@mail.example')).toHaveLength(2);

    const none = await setUp({ MAIL_UNVERIFIED_PER_DAY: '0' });
    await none.report('never@mail.example');
    expect(await none.lettersTo('never@mail.example')).toHaveLength(0);
  });

  it('should not limit letters to a known contact’s address left in the widget', async () => {
    const { report, lettersTo } = await setUp({ MAIL_UNVERIFIED_PER_DAY: '1' });
    for (let i = 0; i < 6; i++) await report(i % 2 ? 'Owner@Flowers.example' : 'owner@flowers.example');
    expect(await lettersTo('Owner@Flowers.example')).toHaveLength(6);
  });

  it('should not repeat any word of the title in the confirmation’s subject, in either language', async () => {
    const { report, lettersTo } = await setUp();
    await report('reader-ru@mail.example', 'ru');
    await report('reader-en@mail.example', 'en');
    const [ru] = await lettersTo('reader-ru@mail.example');
    const [en] = await lettersTo('reader-en@mail.example');
    expect(ru?.subject).toMatch(/^\[#\d+\] Ваше обращение получено$/);
    expect(en?.subject).toMatch(/^\[#\d+\] We received your request$/);
    for (const letter of [ru, en])
      for (const word of title.split(' ').filter((w) => w.length > 3))
        expect(letter?.subject.toLowerCase()).not.toContain(word.toLowerCase());
  });
});
