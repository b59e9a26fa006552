import { newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

describeEachDatabase('billing administration', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const clock = msk('2026-11-23T12:00');
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let bikesContact = '';
  let flowersContact = '';
  let flowers = '';

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => clock });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000', now: clock })) as DemoCredentials;
    const session = async (email: string) => {
      const contact = await t.database.db.contact.findUniqueOrThrow({ where: { email } });
      const s = newSecret('session');
      await t.database.db.session.create({
        data: { tokenHash: s.hash, contactId: contact.id, expiresAt: new Date('2030-01-01') },
      });
      return { token: s.secret, org: gid('Organization', contact.organizationId) };
    };
    bikesContact = (await session('owner@bikes.example')).token;
    const f = await session('owner@flowers.example');
    flowersContact = f.token;
    flowers = f.org;
  });
  afterAll(() => t.close());

  const setRules = (rules: unknown, token: string, organizationId?: string) =>
    t.gql<{ setBillingRules: { rules?: Record<string, unknown>; code?: string; detail?: string } }>(
      'mutation ($i: SetBillingRulesInput!) { setBillingRules(input: $i) { ... on BillingRulesPayload { rules } ... on DomainError { code detail } } }',
      { i: { rules, ...(organizationId ? { organizationId } : {}) } },
      token,
    );

  it('should let the head of support set a flat rate for the studio and a contract its own extra rate, and refuse nonsense', async () => {
    const studio = await setRules({ flatHourlyRateKopecks: 200_000 }, staff('HEAD'));
    expect(studio.data?.setBillingRules.rules).toMatchObject({
      flatHourlyRateKopecks: 200_000,
      extraHourRateKopecks: 150_000,
    });
    const contract = await setRules({ extraHourRateKopecks: 120_000 }, staff('ADMIN'), flowers);
    expect(contract.data?.setBillingRules.rules).toMatchObject({
      flatHourlyRateKopecks: 200_000,
      extraHourRateKopecks: 120_000,
    });
    const read = await t.gql<{ a: Record<string, unknown>; b: Record<string, unknown> }>(
      'query ($org: ID) { a: billingRules b: billingRules(organizationId: $org) }',
      { org: flowers },
      staff('LINE1'),
    );
    expect(read.data?.a.extraHourRateKopecks).toBe(150_000);
    expect(read.data?.b.extraHourRateKopecks).toBe(120_000);
    expect((await setRules({ hourlyRate: 5 }, staff('HEAD'))).data?.setBillingRules).toEqual({
      code: 'INVALID_INPUT',
      detail: 'unknown rule hourlyRate',
    });
    expect((await setRules({ flatHourlyRateKopecks: 1 }, staff('LINE2'))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await setRules({ flatHourlyRateKopecks: 1 }, flowersContact)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('should make a contract for a newly built site on 6 prepaid months: 3 free, 3 paid with 10 % off', async () => {
    const org = await t.database.db.organization.create({ data: { name: 'ООО «Новый сайт»' } });
    const tariff = await t.database.db.tariff.findUniqueOrThrow({ where: { name: 'Комплексный' } });
    const created = await t.gql<{
      createContract: { number?: string; freeSupportUntil?: string; prepaidMonths?: number; code?: string };
    }>(
      'mutation ($i: CreateContractInput!) { createContract(input: $i) { ... on Contract { number freeSupportUntil prepaidMonths } ... on DomainError { code field } } }',
      {
        i: {
          organizationId: gid('Organization', org.id),
          tariffId: gid('Tariff', tariff.id),
          number: 'D-2026-NEW',
          startsOn: msk('2026-03-10T12:00').toISOString(),
          prepaidMonths: 6,
          newSite: true,
        },
      },
      staff('ACCOUNTANT'),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createContract).toEqual({
      number: 'D-2026-NEW',
      freeSupportUntil: msk('2026-06-01T00:00').toISOString(),
      prepaidMonths: 6,
    });
    const report = async (month: string) =>
      (
        await t.gql<{ monthlyReport: { freeSupport: boolean; lines: { kind: string; amountKopecks: number }[] } }>(
          'query ($org: ID!, $m: String!) { monthlyReport(organizationId: $org, month: $m) { freeSupport lines { kind amountKopecks } } }',
          { org: gid('Organization', org.id), m: month },
          staff('HEAD'),
        )
      ).data?.monthlyReport;
    // March opens the period: the fee of its three paid months (June–August), 10 % off; March is free.
    expect(await report('2026-03')).toEqual({
      freeSupport: true,
      lines: [
        { kind: 'FEE', amountKopecks: 1_260_000 },
        { kind: 'DISCOUNT', amountKopecks: -126_000 },
      ],
    });
    expect(await report('2026-06')).toEqual({ freeSupport: false, lines: [] });
    const duplicate = await t.gql<{ createContract: { code?: string; field?: string } }>(
      'mutation ($i: CreateContractInput!) { createContract(input: $i) { ... on DomainError { code field } } }',
      {
        i: {
          organizationId: gid('Organization', org.id),
          tariffId: gid('Tariff', tariff.id),
          number: 'D-2026-NEW',
          startsOn: clock.toISOString(),
        },
      },
      staff('HEAD'),
    );
    expect(duplicate.data?.createContract).toEqual({ code: 'INVALID_INPUT', field: 'number' });
  });

  it('should create tariffs for the head of support, and show a client only its own contract', async () => {
    const tariff = await t.gql<{ createTariff: { name?: string; includedLines?: number[] } }>(
      'mutation { createTariff(input: { name: "Контент+", billingMode: PREPAID, monthlyFeeKopecks: 500000, includedMinutes: 900, includedLines: [1], extraHourRateKopecks: 150000 }) { ... on Tariff { name includedLines } } }',
      {},
      staff('HEAD'),
    );
    expect(tariff.data?.createTariff).toEqual({ name: 'Контент+', includedLines: [1] });
    const list = await t.gql<{ tariffs: { name: string }[] }>('{ tariffs { name } }', {}, staff('LINE1'));
    expect(list.data?.tariffs.map((x) => x.name)).toEqual(['Актуальный', 'Комплексный', 'Контент', 'Контент+']);
    const own = await t.gql<{ node: { contracts: { number: string; tariff: { name: string } }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Organization { contracts { number tariff { name } } } } }',
      { id: flowers },
      flowersContact,
    );
    expect(own.data?.node.contracts).toEqual([{ number: 'D-2026-001', tariff: { name: 'Комплексный' } }]);
    const other = await t.gql<{ node: unknown }>(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: flowers },
      bikesContact,
    );
    expect(other.data?.node ?? null).toBeNull();
  });
});
