import type { StaffRole } from '../../domain/staff-role.ts';
import { createContract, createTariff, setBillingRules } from '../../services/billing/billing-admin.ts';
import { billingTermsFor, monthOf, studioBillingRules, studioTimeZone } from '../../services/billing/billing-terms.ts';
import { DomainError } from '../../services/domain-error.ts';
import { actorOf } from '../actor.ts';
import { builder } from '../builder.ts';
import { atMost } from '../list-bounds.ts';
import { OrganizationRef } from './organization.ts';

const BillingModeEnum = builder.enumType('BillingMode', {
  description: 'PREPAID: a monthly fee with prepaid hours; ACTUAL: actual work at month end, with a minimum fee.',
  values: ['PREPAID', 'ACTUAL'] as const,
});

const staffOrOwnContact = (organizationId: string, ctx: { viewer: { kind: string; organizationId?: string } }) =>
  ctx.viewer.kind === 'staff'
    ? { tokenScope: 'tickets:read' as const }
    : ctx.viewer.kind === 'contact' && ctx.viewer.organizationId === organizationId;

export const TariffRef = builder.prismaNode('Tariff', {
  id: { field: 'id' },
  description: 'A support tariff. Money in kopecks.',
  authScopes: { $any: { staff: true, contact: true } },
  fields: (t) => ({
    name: t.exposeString('name'),
    billingMode: t.expose('billingMode', { type: BillingModeEnum }),
    monthlyFeeKopecks: t.exposeInt('monthlyFeeKopecks'),
    includedMinutes: t.exposeInt('includedMinutes', { description: 'Prepaid minutes a month.' }),
    includedLines: t.intList({
      description: 'Lines the prepaid minutes may be spent on; empty: any.',
      resolve: (tariff) => (Array.isArray(tariff.includedLines) ? tariff.includedLines.map(Number) : []),
    }),
    extraHourRateKopecks: t.exposeInt('extraHourRateKopecks'),
    minimumFeeKopecks: t.exposeInt('minimumFeeKopecks'),
    active: t.exposeBoolean('active'),
  }),
});

export const ContractRef = builder.prismaNode('Contract', {
  id: { field: 'id' },
  description: "An organization's support contract on a tariff.",
  authScopes: (contract, ctx) => staffOrOwnContact(contract.organizationId, ctx),
  fields: (t) => ({
    number: t.exposeString('number'),
    tariff: t.relation('tariff'),
    startsOn: t.expose('startsOn', { type: 'DateTime' }),
    endsOn: t.expose('endsOn', { type: 'DateTime', nullable: true }),
    prepaidMonths: t.exposeInt('prepaidMonths', { description: 'Unused hours carry over only inside such a period.' }),
    discountBasisPoints: t.exposeInt('discountBasisPoints', { description: '1000 = 10 %.' }),
    freeSupportUntil: t.expose('freeSupportUntil', {
      type: 'DateTime',
      nullable: true,
      description: 'A newly built site: support is free before the month this falls in.',
    }),
    active: t.exposeBoolean('active'),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  contracts: t.relation('contracts', { query: { orderBy: { startsOn: 'desc' } } }),
}));

const HeadOrAdmin = { $all: { staffRole: ['HEAD', 'ADMIN'] as StaffRole[], tokenScope: 'tickets:write' as const } };
const readers = { $all: { staff: true, tokenScope: 'tickets:read' as const } };
const errors = { types: [DomainError] };

const RulesPayload = builder.objectRef<{ rules: unknown }>('BillingRulesPayload').implement({
  fields: (t) => ({ rules: t.field({ type: 'JSON', resolve: (p) => p.rules }) }),
});
const SetBillingRulesInput = builder.inputType('SetBillingRulesInput', {
  fields: (t) => ({
    rules: t.field({ type: 'JSON', required: true, description: 'The rules to change (docs/billing.md).' }),
    organizationId: t.globalID({
      required: false,
      for: OrganizationRef,
      description: "Its active contract's overrides instead of the studio's rules.",
    }),
  }),
});
const CreateTariffInput = builder.inputType('CreateTariffInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    billingMode: t.field({ type: BillingModeEnum, required: true }),
    monthlyFeeKopecks: t.int({ required: true }),
    includedMinutes: t.int({ required: false }),
    includedLines: t.intList({
      required: false,
      ...atMost(3, 'Support lines 1–3 the prepaid minutes cover; any when empty.'),
    }),
    extraHourRateKopecks: t.int({ required: true }),
    minimumFeeKopecks: t.int({ required: false }),
  }),
});
const CreateContractInput = builder.inputType('CreateContractInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: OrganizationRef }),
    tariffId: t.globalID({ required: true, for: TariffRef }),
    number: t.string({ required: true }),
    startsOn: t.field({ type: 'DateTime', required: true }),
    endsOn: t.field({ type: 'DateTime', required: false }),
    prepaidMonths: t.int({ required: false, description: 'Months paid at once (default 1).' }),
    discountBasisPoints: t.int({ required: false, description: 'Default: 10 % for 6 months or more.' }),
    newSite: t.boolean({ required: false, description: 'A newly built site: the first months are free (3).' }),
  }),
});

builder.queryFields((t) => ({
  tariffs: t.prismaField({
    type: ['Tariff'],
    description: "Staff: the studio's tariffs, by name.",
    authScopes: readers,
    resolve: (query, _root, _args, ctx) => ctx.db.tariff.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
  billingRules: t.field({
    type: 'JSON',
    description: "Staff: the studio's billing rules in force, or with an organization its contract's this month.",
    authScopes: readers,
    args: { organizationId: t.arg.globalID({ required: false, for: OrganizationRef }) },
    resolve: async (_root, { organizationId }, ctx) => {
      if (!organizationId) return studioBillingRules(ctx.db);
      const month = monthOf(ctx.now(), await studioTimeZone(ctx.db));
      return (await billingTermsFor(ctx.db, organizationId.id, month))?.rules ?? studioBillingRules(ctx.db);
    },
  }),
}));

builder.mutationFields((t) => ({
  setBillingRules: t.field({
    type: RulesPayload,
    description: "Head of support or admin: change rates, coefficients, discounts (the studio's, or a contract's).",
    authScopes: HeadOrAdmin,
    errors,
    args: { input: t.arg({ type: SetBillingRulesInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      rules: await setBillingRules(
        ctx.db,
        { rules: input.rules, organizationId: input.organizationId?.id ?? null },
        actorOf(ctx),
        ctx.now(),
      ),
    }),
  }),
  createTariff: t.prismaField({
    type: 'Tariff',
    description: 'Head of support or admin: a new tariff.',
    authScopes: HeadOrAdmin,
    errors,
    args: { input: t.arg({ type: CreateTariffInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) => createTariff(ctx.db, input),
  }),
  createContract: t.prismaField({
    type: 'Contract',
    description: 'Head of support, accountant or admin: a support contract of an organization on a tariff.',
    authScopes: { $all: { staffRole: ['HEAD', 'ACCOUNTANT', 'ADMIN'] as StaffRole[], tokenScope: 'tickets:write' } },
    errors,
    args: { input: t.arg({ type: CreateContractInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      createContract(ctx.db, { ...input, organizationId: input.organizationId.id, tariffId: input.tariffId.id }),
  }),
}));
