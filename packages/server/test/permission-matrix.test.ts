import { schema } from '@caredesk/schema/graphql';
import { newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '../src/auth/issue-token.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Every query, mutation and subscription of the schema, called by every kind of caller, with
 * the expected outcome written down: `true` the caller gets through (a refusal by the
 * lifecycle, such as TRANSITION_NOT_ALLOWED, still counts as through), `false` it is refused
 * or sees nothing of the target ticket. A new root field without a row fails the test.
 */
const callers = [
  'anonymous',
  'visitorOther',
  'visitorOwn',
  'contactOther',
  'contactUnauthorized',
  'contactAuthorized',
  'LINE1',
  'LINE2',
  'LINE3',
  'HEAD',
  'ACCOUNTANT',
  'ADMIN',
  'tokenRead',
  'tokenWrite',
  'tokenMonitoring',
  'tokenAdmin',
] as const;
type Caller = (typeof callers)[number];

const everyone = [...callers];
const workers: Caller[] = ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'];
const writers: Caller[] = [...workers, 'ACCOUNTANT'];
const readers: Caller[] = ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ACCOUNTANT', 'ADMIN', 'tokenRead', 'tokenAdmin'];
const ticketSeers: Caller[] = ['visitorOwn', 'contactUnauthorized', 'contactAuthorized', ...readers];
const clientsOfTicket: Caller[] = ['visitorOwn', 'contactUnauthorized', 'contactAuthorized'];

interface Target {
  ticketId: string;
  organizationId: string;
  siteId: string;
  secretId: string;
  apiTokenId: string;
  articleId: string;
  invoiceId: string;
  tariffId: string;
  timeEntryId: string;
  monitorId: string;
  agentId: string;
  maintenanceWindowId: string;
  /** A shared canned response. */
  cannedResponseId: string;
  /** A saved queue view of line 1's. */
  queueViewId: string;
  /** A spare contact of the shop's organization, for the contact rows. */
  contactId: string;
  /** A spare line-1 specialist, for the staff administration rows. */
  staffMemberId: string;
}
interface Row {
  /** Who gets through. */
  allowed: Caller[];
  /** The ticket's state the operation needs to be meaningful. */
  status?: 'NEW' | 'FEEDBACK' | 'RESOLVED' | 'ACCEPTED';
  operation: (target: Target, n: number) => { query: string; variables?: Record<string, unknown> };
  /** How "gets through" shows in the answer, when it is not simply "no refusal". */
  sees?: (data: Record<string, unknown>, target: Target) => boolean;
}

const move =
  (name: string, input: string, extra = '') =>
  (target: Target) => ({
    query: `mutation ($id: ID!) { ${name}(input: { ticketId: $id${extra} }) { __typename ... on DomainError { code } } }`,
    variables: { id: target.ticketId },
    ...(input ? {} : {}),
  });
const listed = (field: string) => (data: Record<string, unknown>, target: Target) =>
  JSON.stringify(data[field]).includes(target.ticketId);

const matrix: Record<string, Row> = {
  // queries
  node: {
    allowed: ticketSeers,
    operation: (t) => ({ query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: t.ticketId } }),
    sees: (d) => !!d.node,
  },
  nodes: {
    allowed: ticketSeers,
    operation: (t) => ({ query: 'query ($id: ID!) { nodes(ids: [$id]) { id } }', variables: { id: t.ticketId } }),
    sees: (d) => JSON.stringify(d.nodes) !== '[null]',
  },
  ticket: {
    allowed: ticketSeers,
    operation: (t) => ({ query: 'query ($id: ID!) { ticket(id: $id) { id } }', variables: { id: t.ticketId } }),
    sees: (d) => !!d.ticket,
  },
  tickets: {
    allowed: ticketSeers,
    operation: () => ({ query: '{ tickets(first: 100) { edges { node { id } } } }' }),
    sees: listed('tickets'),
  },
  queue: {
    allowed: readers,
    operation: () => ({ query: '{ queue(first: 100) { edges { node { id } } } }' }),
    sees: listed('queue'),
  },
  organizations: { allowed: readers, operation: () => ({ query: '{ organizations { edges { node { id } } } }' }) },
  sites: { allowed: readers, operation: () => ({ query: '{ sites { edges { node { id } } } }' }) },
  viewer: { allowed: everyone, operation: () => ({ query: '{ viewer { kind } }' }) },
  apiTokens: { allowed: ['ADMIN', 'tokenAdmin'], operation: () => ({ query: '{ apiTokens { id } }' }) },
  calendarDays: {
    allowed: everyone,
    operation: () => ({ query: '{ calendarDays(from: "2026-11-02", to: "2026-11-08") { date working } }' }),
  },
  workingHours: { allowed: everyone, operation: () => ({ query: '{ workingHours { timeZone openNow } }' }) },
  slaTargets: { allowed: readers, operation: () => ({ query: '{ slaTargets }' }) },
  organizationStatistics: {
    allowed: ['contactUnauthorized', 'contactAuthorized', ...readers],
    operation: (t) => ({
      query: 'query ($id: ID!) { organizationStatistics(organizationId: $id, month: "2026-11") { tickets } }',
      variables: { id: t.organizationId },
    }),
  },
  specialistStatistics: {
    allowed: readers,
    operation: () => ({ query: '{ specialistStatistics(month: "2026-11") { line } }' }),
  },
  studioStatistics: {
    allowed: readers,
    operation: () => ({ query: '{ studioStatistics(month: "2026-11") { total { tickets } breaches { title } } }' }),
  },
  lineStatistics: { allowed: readers, operation: () => ({ query: '{ lineStatistics(month: "2026-11") { line } }' }) },
  tariffs: { allowed: readers, operation: () => ({ query: '{ tariffs { name } }' }) },
  myRunningTimer: { allowed: readers, operation: () => ({ query: '{ myRunningTimer { id } }' }) },
  billingRules: { allowed: readers, operation: () => ({ query: '{ billingRules }' }) },
  monthlyReport: {
    allowed: ['contactUnauthorized', 'contactAuthorized', ...readers],
    operation: (t) => ({
      query:
        'query ($id: ID!) { monthlyReport(organizationId: $id, month: "2026-11") { month totals { totalKopecks } } }',
      variables: { id: t.organizationId },
    }),
    sees: (d) => !!d.monthlyReport,
  },
  monthTimeReport: {
    allowed: ['HEAD', 'ACCOUNTANT', 'ADMIN', 'tokenRead', 'tokenAdmin'],
    operation: () => ({ query: '{ monthTimeReport(month: "2026-11") { totalMinutes bySpecialist { minutes } } }' }),
    sees: (d) => !!d.monthTimeReport,
  },
  article: {
    allowed: everyone,
    operation: (t) => ({ query: 'query ($id: ID!) { article(id: $id) { id } }', variables: { id: t.articleId } }),
    sees: (d) => !!d.article,
  },
  articles: { allowed: readers, operation: () => ({ query: '{ articles(first: 5) { edges { node { id } } } }' }) },
  searchArticles: { allowed: everyone, operation: () => ({ query: '{ searchArticles(query: "оплата") { id } }' }) },
  // mutations
  submitTicket: {
    allowed: [
      'anonymous',
      'visitorOther',
      'visitorOwn',
      'contactOther',
      'contactUnauthorized',
      'contactAuthorized',
      ...writers,
    ],
    operation: (_t, n) => ({
      query: 'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { __typename ... on DomainError { code } } }',
      variables: {
        i: { siteKey: '$siteKey', title: 'Матрица', description: 'проверка', idempotencyKey: `matrix-submit-${n}` },
      },
    }),
  },
  replyToTicket: {
    allowed: [...clientsOfTicket, ...writers],
    operation: (t, n) => ({
      query:
        'mutation ($id: ID!, $k: String!) { replyToTicket(input: { ticketId: $id, body: "ok", idempotencyKey: $k }) { __typename ... on DomainError { code } } }',
      variables: { id: t.ticketId, k: `matrix-reply-${n}` },
    }),
  },
  requestFeedback: { allowed: workers, operation: move('requestFeedback', '', ', question: "?"') },
  startTicket: { allowed: workers, operation: move('startTicket', '') },
  resolveTicket: { allowed: workers, operation: move('resolveTicket', '', ', report: "done"') },
  rateTicket: {
    // The requester: the visitor who filed it, or (a ticket without a contact) an authorized contact.
    allowed: ['visitorOwn', 'contactAuthorized'],
    status: 'ACCEPTED',
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { rateTicket(input: { ticketId: $id, score: 5 }) { __typename ... on DomainError { code } } }',
      variables: { id: t.ticketId },
    }),
  },
  splitTicket: {
    allowed: workers,
    operation: (t, n) => ({
      query:
        'mutation ($id: ID!, $title: String!) { splitTicket(input: { ticketId: $id, title: $title, description: "another task" }) { __typename ... on DomainError { code } } }',
      variables: { id: t.ticketId, title: `matrix split ${n}` },
    }),
  },
  escalateTicket: {
    allowed: clientsOfTicket,
    status: 'RESOLVED',
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { escalateTicket(input: { ticketId: $id, reason: "closed too early" }) { __typename ... on DomainError { code } } }',
      variables: { id: t.ticketId },
    }),
  },
  acceptTicket: { allowed: ['contactAuthorized'], status: 'RESOLVED', operation: move('acceptTicket', '') },
  confirmEstimate: { allowed: ['contactAuthorized'], status: 'FEEDBACK', operation: move('confirmEstimate', '') },
  rejectTicket: { allowed: [...clientsOfTicket, ...workers], operation: move('rejectTicket', '', ', reason: "no"') },
  startTimer: { allowed: workers, operation: move('startTimer', '') },
  stopTimer: {
    allowed: workers,
    operation: () => ({ query: 'mutation { stopTimer { __typename ... on DomainError { code } } }' }),
  },
  logTime: { allowed: workers, operation: move('logTime', '', ', minutes: 5') },
  // The entry is line 1's: others but the head of support and admins may not touch it.
  updateTimeEntry: {
    allowed: ['LINE1', 'HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { updateTimeEntry(input: { timeEntryId: $id, note: "м" }) { __typename ... on DomainError { code } } }',
      variables: { id: t.timeEntryId },
    }),
  },
  deleteTimeEntry: {
    allowed: ['LINE1', 'HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { deleteTimeEntry(input: { timeEntryId: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.timeEntryId },
    }),
  },
  setBillingRules: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: () => ({
      query:
        'mutation ($r: JSON!) { setBillingRules(input: { rules: $r }) { __typename ... on DomainError { code } } }',
      variables: { r: { extraHourRateKopecks: 150_000 } },
    }),
  },
  createTariff: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (_t, n) => ({
      query: `mutation { createTariff(input: { name: "Матрица ${n}", billingMode: ACTUAL, monthlyFeeKopecks: 0, extraHourRateKopecks: 150000 }) { __typename ... on DomainError { code } } }`,
    }),
  },
  createContract: {
    allowed: ['HEAD', 'ACCOUNTANT', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t, n) => ({
      query:
        'mutation ($org: ID!, $tariff: ID!, $number: String!) { createContract(input: { organizationId: $org, tariffId: $tariff, number: $number, startsOn: "2026-12-01T00:00:00Z" }) { __typename ... on DomainError { code } } }',
      variables: { org: t.organizationId, tariff: t.tariffId, number: `M-${n}` },
    }),
  },
  issueMonthlyInvoices: {
    allowed: ['HEAD', 'ACCOUNTANT', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { issueMonthlyInvoices(input: { month: "2026-10", organizationId: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.organizationId },
    }),
  },
  confirmInvoicePayment: {
    allowed: ['ACCOUNTANT', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { confirmInvoicePayment(input: { invoiceId: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.invoiceId },
    }),
  },
  confirmPayment: {
    allowed: ['ACCOUNTANT', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    status: 'ACCEPTED',
    operation: move('confirmPayment', ''),
  },
  updateTicket: { allowed: workers, operation: move('updateTicket', '', ', title: "Новое название"') },
  attachFiles: { allowed: [...clientsOfTicket, ...writers], operation: move('attachFiles', '', ', files: []') },
  addTicketSecret: {
    allowed: [...clientsOfTicket, ...writers],
    operation: move('addTicketSecret', '', ', label: "ftp", value: "u/p"'),
  },
  revealTicketSecret: {
    allowed: workers,
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { revealTicketSecret(input: { secretId: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.secretId },
    }),
  },
  purgeTicketSecret: {
    allowed: workers,
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { purgeTicketSecret(input: { secretId: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.secretId },
    }),
  },
  requestSignInCode: {
    allowed: everyone,
    operation: () => ({
      query: 'mutation { requestSignInCode(input: { email: "owner@flowers.example" }) { __typename } }',
    }),
  },
  signIn: {
    allowed: everyone,
    operation: () => ({
      query: 'mutation { signIn(input: { email: "owner@flowers.example", code: "000000" }) { __typename } }',
    }),
  },
  signInStaff: {
    allowed: everyone,
    operation: () => ({
      query: 'mutation { signInStaff(input: { email: "x@y.example", password: "wrong password" }) { __typename } }',
    }),
  },
  authorizeContact: {
    allowed: ['contactOther', 'contactAuthorized', 'HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (_t, n) => ({
      query: `mutation { authorizeContact(input: { email: "matrix${n}@example.org", name: "M" }) { __typename ... on DomainError { code } } }`,
    }),
  },
  deauthorizeContact: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { deauthorizeContact(input: { contactId: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.contactId },
    }),
  },
  deactivateContact: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { deactivateContact(input: { contactId: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.contactId },
    }),
  },
  reactivateContact: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { reactivateContact(input: { contactId: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.contactId },
    }),
  },
  createApiToken: {
    allowed: ['ADMIN', 'tokenAdmin'],
    operation: () => ({
      query:
        'mutation { createApiToken(input: { name: "m", scopes: ["tickets:read"] }) { __typename ... on DomainError { code } } }',
    }),
  },
  revokeApiToken: {
    allowed: ['ADMIN', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { revokeApiToken(input: { tokenId: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.apiTokenId },
    }),
  },
  setCalendarDay: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: () => ({
      query:
        'mutation { setCalendarDay(input: { date: "2031-01-02", kind: HOLIDAY }) { __typename ... on DomainError { code } } }',
    }),
  },
  importCalendar: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: () => ({
      query:
        'mutation { importCalendar(input: { format: CSV, content: "date,kind\\n2031-01-03,HOLIDAY" }) { __typename ... on DomainError { code } } }',
    }),
  },
  setWorkingHours: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: () => ({
      query: `mutation { setWorkingHours(input: { timeZone: "Europe/Moscow", days: [${[
        'MON',
        'TUE',
        'WED',
        'THU',
        'FRI',
      ]
        .map((d) => `{ weekday: ${d}, opens: "10:00", closes: "19:00" }`)
        .join(', ')}] }) { __typename ... on DomainError { code } } }`,
    }),
  },
  setSlaTargets: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: () => ({
      query: 'mutation ($t: JSON!) { setSlaTargets(targets: $t) { __typename ... on DomainError { code } } }',
      variables: { t: { priority: { HIGH: { reaction: { workingMinutes: 180 } } } } },
    }),
  },
  createOrganization: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (_t, n) => ({
      query: `mutation { createOrganization(input: { name: "Matrix ${n}" }) { __typename ... on DomainError { code } } }`,
    }),
  },
  createSite: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t, n) => ({
      query:
        'mutation ($org: ID!, $url: String!) { createSite(input: { organizationId: $org, name: "m", url: $url }) { __typename ... on DomainError { code } } }',
      variables: { org: t.organizationId, url: `https://matrix${n}.example` },
    }),
  },
  updateSite: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { updateSite(input: { siteId: $id, name: "Цветы" }) { __typename ... on DomainError { code } } }',
      variables: { id: t.siteId },
    }),
  },
  createArticle: {
    allowed: workers,
    operation: () => ({
      query:
        'mutation { createArticle(input: { title: "Матрица", body: "проверка" }) { __typename ... on DomainError { code } } }',
    }),
  },
  updateArticle: {
    allowed: workers,
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { updateArticle(id: $id, input: { title: "Матрица 2" }) { __typename ... on DomainError { code } } }',
      variables: { id: t.articleId },
    }),
  },
  publishArticle: {
    allowed: workers,
    operation: (t) => ({
      query: 'mutation ($id: ID!) { publishArticle(id: $id) { __typename ... on DomainError { code } } }',
      variables: { id: t.articleId },
    }),
  },
  unpublishArticle: {
    allowed: workers,
    operation: (t) => ({
      query: 'mutation ($id: ID!) { unpublishArticle(id: $id) { __typename ... on DomainError { code } } }',
      variables: { id: t.articleId },
    }),
  },
  deleteArticle: {
    allowed: workers,
    operation: (t) => ({
      query: 'mutation ($id: ID!) { deleteArticle(id: $id) { __typename ... on DomainError { code } } }',
      variables: { id: t.articleId },
    }),
  },
  createArticleFromTicket: {
    allowed: workers,
    status: 'RESOLVED',
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { createArticleFromTicket(ticketId: $id) { __typename ... on DomainError { code } } }',
      variables: { id: t.ticketId },
    }),
  },
  recordArticleView: {
    allowed: everyone,
    operation: (t) => ({
      query: 'mutation ($id: ID!) { recordArticleView(id: $id) { __typename ... on DomainError { code } } }',
      variables: { id: t.articleId },
    }),
  },
  recordArticleFeedback: {
    allowed: everyone,
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { recordArticleFeedback(id: $id, helpful: true) { __typename ... on DomainError { code } } }',
      variables: { id: t.articleId },
    }),
  },
  recordArticleDeflection: {
    allowed: everyone,
    operation: (t) => ({
      query: 'mutation ($id: ID!) { recordArticleDeflection(id: $id) { __typename ... on DomainError { code } } }',
      variables: { id: t.articleId },
    }),
  },
  // subscriptions (answered over server-sent events)
  ticketUpdated: {
    allowed: ticketSeers,
    operation: (t) => ({
      query: 'subscription ($id: ID!) { ticketUpdated(id: $id) { id } }',
      variables: { id: t.ticketId },
    }),
  },
  queueUpdated: { allowed: readers, operation: () => ({ query: 'subscription { queueUpdated { id } }' }) },
  // monitoring
  monitors: {
    allowed: ['contactUnauthorized', 'contactAuthorized', ...readers],
    operation: (t) => ({ query: 'query ($s: ID) { monitors(siteId: $s) { id state } }', variables: { s: t.siteId } }),
    sees: (d, t) => JSON.stringify(d.monitors).includes(t.monitorId),
  },
  siteUptime: {
    allowed: ['contactUnauthorized', 'contactAuthorized', ...readers],
    operation: (t) => ({
      query: 'query ($s: ID!) { siteUptime(siteId: $s, month: "2026-11") { __typename ... on DomainError { code } } }',
      variables: { s: t.siteId },
    }),
  },
  createMonitor: {
    allowed: workers,
    operation: (t) => ({
      query:
        'mutation ($s: ID!) { createMonitor(input: { siteId: $s, name: "m", kind: HTTP, http: { url: "https://flowers.example/" } }) { __typename ... on DomainError { code } } }',
      variables: { s: t.siteId },
    }),
  },
  updateMonitor: {
    allowed: workers,
    operation: (t) => ({
      query:
        'mutation ($m: ID!) { updateMonitor(input: { monitorId: $m, name: "m2" }) { __typename ... on DomainError { code } } }',
      variables: { m: t.monitorId },
    }),
  },
  pauseMonitor: {
    allowed: workers,
    operation: (t) => ({
      query:
        'mutation ($m: ID!) { pauseMonitor(monitorId: $m, paused: true) { __typename ... on DomainError { code } } }',
      variables: { m: t.monitorId },
    }),
  },
  deleteMonitor: {
    allowed: workers,
    operation: (t) => ({
      query: 'mutation ($m: ID!) { deleteMonitor(monitorId: $m) { __typename ... on DomainError { code } } }',
      variables: { m: t.monitorId },
    }),
  },
  createMaintenanceWindow: {
    allowed: workers,
    operation: (t) => ({
      query:
        'mutation ($s: ID!) { createMaintenanceWindow(input: { title: "m", siteId: $s, startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-12-01T01:00:00Z" }) { __typename ... on DomainError { code } } }',
      variables: { s: t.siteId },
    }),
  },
  monitorAgents: { allowed: readers, operation: () => ({ query: '{ monitorAgents { name lastSeenAt monitors } }' }) },
  maintenanceWindows: {
    allowed: readers,
    operation: (t) => ({
      query: 'query ($s: ID) { maintenanceWindows(siteId: $s) { id } }',
      variables: { s: t.siteId },
    }),
  },
  endMaintenanceWindow: {
    allowed: workers,
    operation: (t) => ({
      query: 'mutation ($id: ID!) { endMaintenanceWindow(id: $id) { __typename ... on DomainError { code } } }',
      variables: { id: t.maintenanceWindowId },
    }),
  },
  deleteMaintenanceWindow: {
    allowed: workers,
    operation: (t) => ({
      query: 'mutation ($id: ID!) { deleteMaintenanceWindow(id: $id) { __typename ... on DomainError { code } } }',
      variables: { id: t.maintenanceWindowId },
    }),
  },
  registerMonitorAgent: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (_t, n) => ({
      query: `mutation { registerMonitorAgent(name: "matrix-new-${n}", location: "Riga") { __typename ... on DomainError { code } } }`,
    }),
  },
  assignMonitorAgent: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($m: ID!, $a: ID!) { assignMonitorAgent(monitorId: $m, agentId: $a) { __typename ... on DomainError { code } } }',
      variables: { m: t.monitorId, a: t.agentId },
    }),
  },
  leaseMonitorChecks: {
    allowed: ['tokenMonitoring'],
    operation: () => ({ query: 'mutation { leaseMonitorChecks { monitorId } }' }),
  },
  reportCheckResults: {
    allowed: ['tokenMonitoring'],
    operation: () => ({
      query: 'mutation { reportCheckResults(input: { results: [] }) { __typename ... on DomainError { code } } }',
    }),
  },
  monitorStatusChanged: {
    allowed: ['contactUnauthorized', 'contactAuthorized', ...readers],
    operation: (t) => ({
      query: 'subscription ($s: ID) { monitorStatusChanged(siteId: $s) { id } }',
      variables: { s: t.siteId },
    }),
  },
  myNotificationMode: {
    allowed: ['contactOther', 'contactUnauthorized', 'contactAuthorized', ...readers, 'tokenWrite', 'tokenMonitoring'],
    operation: () => ({ query: '{ myNotificationMode }' }),
  },
  setMyNotificationMode: {
    allowed: ['contactOther', 'contactUnauthorized', 'contactAuthorized', ...readers, 'tokenWrite', 'tokenMonitoring'],
    operation: () => ({ query: 'mutation { setMyNotificationMode(mode: IMMEDIATE) { mode } }' }),
  },
  staffMembers: {
    allowed: readers,
    operation: () => ({ query: '{ staffMembers { name role } }' }),
  },
  cannedResponses: {
    allowed: ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN', 'tokenRead', 'tokenAdmin'],
    operation: () => ({ query: '{ cannedResponses { name shared } }' }),
  },
  createCannedResponse: {
    allowed: workers,
    operation: (_t, n) => ({
      query: `mutation { createCannedResponse(input: { name: "matrix-${n}", locale: "ru", body: "Здравствуйте, {{requester.name}}" }) { __typename ... on DomainError { code } } }`,
    }),
  },
  // The target is shared: only the head of support and admins change it.
  updateCannedResponse: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { updateCannedResponse(input: { id: $id, body: "Готово: {{ticket.number}}" }) { __typename ... on DomainError { code } } }',
      variables: { id: t.cannedResponseId },
    }),
  },
  deleteCannedResponse: {
    allowed: ['HEAD', 'ADMIN', 'tokenWrite', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { deleteCannedResponse(input: { id: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.cannedResponseId },
    }),
  },
  ticketPresence: {
    allowed: readers,
    operation: (t) => ({
      query: 'subscription ($id: ID!) { ticketPresence(ticketId: $id) { staff { typing } } }',
      variables: { id: t.ticketId },
    }),
  },
  queuePresence: {
    allowed: readers,
    operation: () => ({ query: 'subscription { queuePresence { ticketId staff { typing } } }' }),
  },
  setTicketPresence: {
    allowed: readers,
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { setTicketPresence(input: { ticketId: $id, typing: true }) { __typename ... on DomainError { code } } }',
      variables: { id: t.ticketId },
    }),
  },
  queueViews: { allowed: readers, operation: () => ({ query: '{ queueViews { name order } }' }) },
  saveQueueView: {
    allowed: readers,
    operation: (_t, n) => ({
      query: `mutation { saveQueueView(input: { name: "matrix-${n}", filter: { unassigned: true } }) { __typename ... on DomainError { code } } }`,
    }),
  },
  // The target is line 1's own.
  deleteQueueView: {
    allowed: ['LINE1'],
    operation: (t) => ({
      query: 'mutation ($id: ID!) { deleteQueueView(input: { id: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.queueViewId },
    }),
  },
  mailStatus: { allowed: ['ADMIN', 'tokenAdmin'], operation: () => ({ query: '{ mailStatus { transport } }' }) },
  studioStaff: {
    allowed: ['HEAD', 'ADMIN', 'tokenRead', 'tokenAdmin'],
    operation: () => ({ query: '{ studioStaff { name role active passwordSet createdAt } }' }),
  },
  // Staff administration: admins only, from a session or an admin-scoped token. Each targets a
  // member of its own (a fresh invitation), so that no call disturbs the next.
  inviteStaff: {
    allowed: ['ADMIN', 'tokenAdmin'],
    operation: (_t, n) => ({
      query: `mutation { inviteStaff(input: { email: "invited${n}@matrix.example", name: "M", role: LINE1 }) { __typename ... on DomainError { code } } }`,
    }),
  },
  changeStaffRole: {
    allowed: ['ADMIN', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { changeStaffRole(input: { staffMember: $id, role: LINE2 }) { __typename ... on DomainError { code } } }',
      variables: { id: t.staffMemberId },
    }),
  },
  disableStaffMember: {
    allowed: ['ADMIN', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { disableStaffMember(input: { staffMember: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.staffMemberId },
    }),
  },
  enableStaffMember: {
    allowed: ['ADMIN', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { enableStaffMember(input: { staffMember: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.staffMemberId },
    }),
  },
  resetStaffPassword: {
    allowed: ['ADMIN', 'tokenAdmin'],
    operation: (t) => ({
      query:
        'mutation ($id: ID!) { resetStaffPassword(input: { staffMember: $id }) { __typename ... on DomainError { code } } }',
      variables: { id: t.staffMemberId },
    }),
  },
  // Anyone holding a link (this one made up: INVALID_LINK still counts as through).
  setStaffPassword: {
    allowed: everyone,
    operation: () => ({
      query:
        'mutation { setStaffPassword(input: { token: "cdp_made-up", password: "a long enough password" }) { __typename ... on DomainError { code } } }',
    }),
  },
  // Last: it ends the contacts' sessions.
  signOut: {
    allowed: ['contactOther', 'contactUnauthorized', 'contactAuthorized'],
    operation: () => ({ query: 'mutation { signOut { signedOut } }' }),
  },
};

describe('the permission matrix', () => {
  it('should have a row for every query, mutation and subscription of the schema', () => {
    const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}),
    );
    expect(fields.filter((field) => !matrix[field]).sort()).toEqual([]);
    expect(Object.keys(matrix).filter((field) => !fields.includes(field))).toEqual([]);
  });
});

const refusals = ['UNAUTHENTICATED', 'FORBIDDEN'];
const hiddenCodes = ['NOT_FOUND', 'ACTOR_NOT_ALLOWED'];

describeEachDatabase('the permission matrix', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const tokens = {} as Record<Caller, string>;
  const shop = 'https://flowers.example';
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp(provider, {
      env: {
        RATE_LIMIT_SIGNIN_IP: '100000/60',
        RATE_LIMIT_SIGNIN_EMAIL: '100000/60',
        RATE_LIMIT_SUBMIT_IP: '100000/60',
        RATE_LIMIT_PASSWORD_ADDRESS: '100000/60',
        RATE_LIMIT_PASSWORD_ACCOUNT: '100000/60',
      },
    });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const { db } = t.database;
    for (const person of demo.staff) tokens[person.role as Caller] = person.token;
    const admin = await db.staffMember.findUniqueOrThrow({ where: { email: 'admin@studio.example' } });
    tokens.tokenRead = await issueApiToken(db, { staffId: admin.id, name: 'r', scopes: ['tickets:read'] });
    tokens.tokenWrite = await issueApiToken(db, { staffId: admin.id, name: 'w', scopes: ['tickets:write'] });
    tokens.tokenMonitoring = await issueApiToken(db, { staffId: admin.id, name: 'm', scopes: ['monitoring:report'] });
    tokens.tokenAdmin = await issueApiToken(db, { staffId: admin.id, name: 'a', scopes: ['admin'] });
    const session = async (email: string) => {
      const contact = await db.contact.findUniqueOrThrow({ where: { email } });
      const { secret, hash } = newSecret('session');
      await db.session.create({
        data: { tokenHash: hash, contactId: contact.id, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      return secret;
    };
    tokens.contactOther = await session('owner@bikes.example');
    tokens.contactUnauthorized = await session('manager@flowers.example');
    tokens.contactAuthorized = await session('owner@flowers.example');
    const other = newSecret('ticket');
    await db.ticket.update({ where: { number: 1001 }, data: { accessTokenHash: other.hash } });
    tokens.visitorOther = other.secret;
  });
  afterAll(() => t.close());

  /** A fresh ticket of the flowers shop for each call, so that no call disturbs the next. */
  async function freshTarget(status: Row['status'] = 'NEW'): Promise<Target> {
    const { db } = t.database;
    const site = await db.site.findFirstOrThrow({ where: { url: shop } });
    const own = newSecret('ticket');
    n++;
    const ticket = await db.ticket.create({
      data: {
        number: 50_000 + n,
        title: 'Цель',
        description: 'Проверка прав',
        source: 'WIDGET',
        status,
        paid: true,
        estimateKopecks: 100_000,
        estimateConfirmedAt: status === 'FEEDBACK' ? null : new Date(),
        organizationId: site.organizationId,
        siteId: site.id,
        accessTokenHash: own.hash,
      },
    });
    const ticketId = Buffer.from(`Ticket:${ticket.id}`).toString('base64');
    // A real sealed secret, handed over through the API by staff.
    await t.gql(
      'mutation ($id: ID!) { addTicketSecret(input: { ticketId: $id, label: "ftp", value: "u/p" }) { __typename } }',
      { id: ticketId },
      tokens.LINE1,
    );
    // Closed tickets take no secrets: theirs is a made-up id.
    const secret = (await db.secret.findFirst({ where: { ticketId: ticket.id } })) ?? { id: 'none' };
    const admin = await db.staffMember.findUniqueOrThrow({ where: { email: 'admin@studio.example' } });
    const apiToken = await db.apiToken.create({
      data: { name: 'spare', tokenHash: newSecret('api').hash, prefix: 'cdk_', scopes: [], staffId: admin.id },
    });
    // A published public article of its own, for the knowledge-base rows.
    const tariff = await db.tariff.findUniqueOrThrow({ where: { name: 'Актуальный' } });
    const line1 = await db.staffMember.findUniqueOrThrow({ where: { email: 'line1@studio.example' } });
    const timeEntry = await db.timeEntry.create({
      data: {
        ticketId: ticket.id,
        staffId: line1.id,
        supportLine: 1,
        startedAt: new Date(),
        endedAt: new Date(),
        minutes: 5,
      },
    });
    // An issued invoice of the shop of its own, for the invoice rows.
    const invoice = await db.invoice.create({
      data: {
        organizationId: site.organizationId,
        key: `matrix:${n}`,
        number: `MX-${n}`,
        kind: 'MONTHLY',
        month: '2026-10',
        totalKopecks: 0,
      },
    });
    const article = await db.article.create({
      data: { slug: `matrix-${n}`, locale: 'ru', title: 'Оплата', body: 'Оплата картой', status: 'PUBLISHED' },
    });
    // A monitor of the shop and an agent of its own, for the monitoring rows.
    const monitor = await db.monitor.create({
      data: { siteId: site.id, name: 'Цель', kind: 'HTTP', config: { url: shop }, paused: true },
    });
    const agent = await db.monitorAgent.create({
      data: { name: `matrix-${n}`, location: 'Matrix', apiTokenId: apiToken.id },
    });
    const maintenance = await db.maintenanceWindow.create({
      data: { title: 'Цель', siteId: site.id, startsAt: new Date('2030-01-01'), endsAt: new Date('2030-01-02') },
    });
    const canned = await db.cannedResponse.create({
      data: {
        name: `matrix-shared-${n}`,
        locale: 'ru',
        body: 'Спасибо!',
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    });
    const view = await db.queueView.create({
      data: { name: `matrix-view-${n}`, filter: { unassigned: true }, ownerId: line1.id, createdAt: new Date() },
    });
    const spare = await db.contact.create({
      data: { organizationId: site.organizationId, email: `spare${n}@matrix.example`, name: 'Spare', authorized: true },
    });
    const member = await db.staffMember.create({
      data: { email: `member${n}@matrix.example`, name: 'Spare', role: 'LINE1', supportLine: 1 },
    });
    tokens.visitorOwn = own.secret;
    return {
      staffMemberId: Buffer.from(`StaffMember:${member.id}`).toString('base64'),
      contactId: Buffer.from(`Contact:${spare.id}`).toString('base64'),
      cannedResponseId: Buffer.from(`CannedResponse:${canned.id}`).toString('base64'),
      queueViewId: Buffer.from(`QueueView:${view.id}`).toString('base64'),
      maintenanceWindowId: maintenance.id,
      monitorId: Buffer.from(`Monitor:${monitor.id}`).toString('base64'),
      agentId: agent.id,
      articleId: Buffer.from(`Article:${article.id}`).toString('base64'),
      invoiceId: Buffer.from(`Invoice:${invoice.id}`).toString('base64'),
      tariffId: Buffer.from(`Tariff:${tariff.id}`).toString('base64'),
      timeEntryId: Buffer.from(`TimeEntry:${timeEntry.id}`).toString('base64'),
      ticketId,
      organizationId: Buffer.from(`Organization:${site.organizationId}`).toString('base64'),
      siteId: Buffer.from(`Site:${site.id}`).toString('base64'),
      secretId: Buffer.from(`Secret:${secret.id}`).toString('base64'),
      apiTokenId: Buffer.from(`ApiToken:${apiToken.id}`).toString('base64'),
    };
  }

  async function callThrough(field: string, caller: Caller): Promise<boolean> {
    const row = matrix[field] as Row;
    const target = await freshTarget(row.status);
    const { query, variables } = row.operation(target, n);
    const body = JSON.stringify({ query, variables }).replace('$siteKey', demo.siteKeys[0] ?? '');
    const headers: Record<string, string> = { 'content-type': 'application/json', origin: shop };
    if (caller !== 'anonymous') headers.authorization = `Bearer ${tokens[caller]}`;
    if (query.startsWith('subscription')) return subscribeThrough(body, headers, target);
    const response = (await (
      await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body })
    ).json()) as {
      data?: Record<string, { code?: string } | null> | null;
      errors?: { extensions?: { code?: string } }[];
    };
    const codes = (response.errors ?? []).map((e) => e.extensions?.code ?? 'ERROR');
    if (codes.some((code) => !refusals.includes(code)))
      throw new Error(`${field} as ${caller}: unexpected ${JSON.stringify(response.errors)}`);
    if (codes.length > 0 || !response.data) return false;
    const result = response.data[field];
    if (result && typeof result === 'object' && 'code' in result && hiddenCodes.includes(String(result.code)))
      return false;
    return row.sees ? row.sees(response.data as Record<string, unknown>, target) : true;
  }

  async function subscribeThrough(body: string, headers: Record<string, string>, target: Target): Promise<boolean> {
    const abort = new AbortController();
    const response = await t.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { ...headers, accept: 'text/event-stream' },
      body,
      signal: abort.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const id = Buffer.from(target.ticketId, 'base64').toString().split(':')[1] ?? '';
    const present = await t.database.db.staffMember.findUniqueOrThrow({ where: { email: 'line1@studio.example' } });
    let opened = false;
    const timer = setInterval(() => {
      // Someone opens and closes the ticket, over and over: every queue sees a change each time.
      opened = !opened;
      const signal = { kind: opened ? 'here' : 'left', presenceId: 'matrix', staffId: present.id } as const;
      t.app.events.publish('queuePresence', 'all', { ticketId: id, signal });
      t.app.events.publish('ticketUpdated', id, { ticketId: id });
      t.app.events.publish('queueUpdated', 'all', { ticketId: id });
      const monitorId = Buffer.from(target.monitorId, 'base64').toString().split(':')[1] ?? '';
      const siteId = Buffer.from(target.siteId, 'base64').toString().split(':')[1] ?? '';
      t.app.events.publish('monitorStatusChanged', siteId, { monitorId });
    }, 20);
    let text = '';
    try {
      while (!text.includes('\n\n') || !text.includes('data:')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } finally {
      clearInterval(timer);
      abort.abort();
    }
    return text.includes('"data":{') && !text.includes('"errors"');
  }

  // Before the rows: the last of them signs the contacts out.
  describe('ids of nothing and ids of others', () => {
    type Reply = { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
    const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
    const lookups: Record<string, string> = {
      node: 'query ($id: ID!) { node(id: $id) { id } }',
      nodes: 'query ($id: ID!) { nodes(ids: [$id]) { id } }',
      ticket: 'query ($id: ID!) { ticket(id: $id) { id } }',
    };
    // Ids that lead to nothing at all: well-formed, of another type, of no type, malformed.
    const nothing = [
      globalId('Ticket', 'cl00000000000000000000000'),
      globalId('Site', 'made-up'),
      globalId('Nope', '1'),
      'not a global id!',
    ];
    let elsewhere: string;
    let own: string;

    beforeAll(async () => {
      const { db } = t.database;
      const organization = await db.organization.create({ data: { name: 'Чужая организация' } });
      const ticket = await db.ticket.create({
        data: {
          number: 90_001,
          title: 'Чужая',
          description: 'Не ваша',
          source: 'STAFF',
          organizationId: organization.id,
        },
      });
      elsewhere = globalId('Ticket', ticket.id);
      // A ticket of the flowers shop, filed by its visitor (visitorOwn).
      own = (await freshTarget()).ticketId;
    });

    async function ask(caller: Caller, query: string, variables: Record<string, unknown>): Promise<Reply> {
      const token = caller === 'anonymous' ? undefined : tokens[caller];
      return (await t.gql(query, variables, token, { origin: shop })) as Reply;
    }

    for (const [field, query] of Object.entries(lookups)) {
      it(`should answer ${field} alike for an id of nothing and for another organization's ticket, for every caller`, async () => {
        const differing: string[] = [];
        for (const caller of callers) {
          // Staff who read tickets see every organization's: for them only the ids of nothing.
          const ids = readers.includes(caller) ? nothing : [...nothing, elsewhere];
          const replies = await Promise.all(ids.map((id) => ask(caller, query, { id })));
          const answers = replies.map((reply) => JSON.stringify(reply));
          if (answers.some((answer) => answer !== answers[0])) differing.push(`${caller}: ${answers.join(' ≠ ')}`);
          const [reply] = replies as [Reply];
          // No data: null, or a refusal of the caller that does not depend on the id.
          expect(Object.values(reply.data ?? {}).flat()).toEqual(reply.data ? [null] : []);
          for (const error of reply.errors ?? []) expect(refusals).toContain(error.extensions?.code);
          if (field !== 'ticket') expect(reply.errors, `${field} as ${caller}`).toBeUndefined();
        }
        expect(differing).toEqual([]);
      });
    }

    it('should answer nodes with what the caller may see and null for the rest, in order', async () => {
      const ids = [own, elsewhere, ...nothing];
      const seen = async (caller: Caller) => {
        const reply = await ask(caller, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
        expect(reply.errors).toBeUndefined();
        return reply.data?.nodes;
      };
      const none = nothing.map(() => null);
      expect(await seen('visitorOwn')).toEqual([{ id: own }, null, ...none]);
      expect(await seen('contactAuthorized')).toEqual([{ id: own }, null, ...none]);
      expect(await seen('contactOther')).toEqual([null, null, ...none]);
      expect(await seen('HEAD')).toEqual([{ id: own }, { id: elsewhere }, ...none]);
      expect(await seen('tokenMonitoring')).toEqual([null, null, ...none]);
    });
  });

  for (const field of Object.keys(matrix)) {
    it(`should let exactly the expected callers through ${field}`, async () => {
      const outcome = {} as Record<Caller, boolean>;
      for (const caller of callers) outcome[caller] = await callThrough(field, caller);
      const expected = Object.fromEntries(
        callers.map((caller) => [caller, (matrix[field] as Row).allowed.includes(caller)]),
      );
      expect(outcome).toEqual(expected);
    });
  }
});
