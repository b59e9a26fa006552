import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '@caredesk/schema/db';
import {
  defaultBilling,
  defaultScopesForRole,
  defaultSlaTargets,
  defaultSupportLine,
  defaultWorkingHours,
  priorityRank,
  type TicketStatus,
} from '@caredesk/schema/domain';
import {
  builtInCalendar,
  createArticle,
  hashPassword,
  publishArticle,
  recomputeOpenTicketClocks,
} from '@caredesk/schema/services';
import { issueApiToken } from '../auth/issue-token.ts';
import { demoArticles, demoStaff, demoTickets } from './demo-data.ts';
import { seedDemoWork } from './demo-work.ts';
import { statusPath } from './status-path.ts';

export interface DemoCredentials {
  adminEmail: string;
  adminToken: string;
  /** Each demo staff member's API token, and the password that signs them in to the console. */
  staff: { email: string; role: string; token: string; password: string }[];
  siteKeys: string[];
}

const day = 24 * 60 * 60 * 1000;

function siteKey(): string {
  return `pk_${randomBytes(18).toString('base64url')}`;
}

/**
 * Fills an empty database with a demo studio. Returns null, changing nothing, when a
 * studio already exists (so `pnpm start` seeds only the first time).
 */
export async function seedDemo(db: Db, options: { publicUrl: string; now?: Date }): Promise<DemoCredentials | null> {
  if (await db.studioSettings.findUnique({ where: { id: 'studio' } })) return null;
  const now = options.now ?? new Date();
  // A fresh random password per person (shown in demo-credentials.json), hashed before the transaction.
  const passwords = demoStaff.map(() => randomBytes(12).toString('base64url'));
  const passwordHashes = await Promise.all(passwords.map((password) => hashPassword(password)));
  const credentials = await db.$transaction(
    async (tx) => {
      // The Russian production calendar ships with caredesk (packages/schema/calendars).
      for (const day of builtInCalendar('ru').days) {
        await tx.calendarOverride.create({
          data: { date: day.date, kind: day.kind, workingMinutes: day.workingMinutes ?? null, note: day.note ?? null },
        });
      }
      await tx.studioSettings.create({
        data: {
          name: 'Студия «Пример»',
          workingHours: defaultWorkingHours,
          slaTargets: defaultSlaTargets,
          billing: defaultBilling,
        },
      });
      const complex = await tx.tariff.create({
        data: {
          name: 'Комплексный',
          monthlyFeeKopecks: 420_000,
          includedMinutes: 7 * 60,
          extraHourRateKopecks: 150_000,
        },
      });
      await tx.tariff.create({
        data: {
          name: 'Контент',
          monthlyFeeKopecks: 360_000,
          includedMinutes: 10 * 60,
          includedLines: [1],
          extraHourRateKopecks: 150_000,
        },
      });
      const actual = await tx.tariff.create({
        data: {
          name: 'Актуальный',
          billingMode: 'ACTUAL',
          monthlyFeeKopecks: 0,
          minimumFeeKopecks: 80_000,
          extraHourRateKopecks: 150_000,
        },
      });

      const staff: DemoCredentials['staff'] = [];
      const staffIds: Record<string, string> = {};
      for (const [index, person] of demoStaff.entries()) {
        const member = await tx.staffMember.create({
          data: {
            ...person,
            supportLine: defaultSupportLine(person.role),
            passwordHash: passwordHashes[index] ?? null,
          },
        });
        staffIds[person.role] = member.id;
        const token = await issueApiToken(tx as Db, {
          staffId: member.id,
          name: 'demo sign-in',
          scopes: defaultScopesForRole(person.role),
        });
        staff.push({ email: person.email, role: person.role, token, password: passwords[index] ?? '' });
      }

      // The demo pages are served by this server: the sites allow it under every name it is reached by here.
      const local = localOrigins(options.publicUrl);
      const flowers = await tx.organization.create({
        data: { name: 'ООО «Цветочная лавка»', email: 'contract@flowers.example', locale: 'ru' },
      });
      const bikes = await tx.organization.create({
        data: { name: 'Bike Rental Ltd', email: 'contract@bikes.example', locale: 'en' },
      });
      await tx.contract.create({
        data: {
          organizationId: flowers.id,
          tariffId: complex.id,
          number: 'D-2026-001',
          startsOn: new Date(now.getTime() - 200 * day),
          prepaidMonths: 2,
        },
      });
      await tx.contract.create({
        data: {
          organizationId: bikes.id,
          tariffId: actual.id,
          number: 'D-2026-002',
          startsOn: new Date(now.getTime() - 90 * day),
        },
      });
      const owner = await tx.contact.create({
        data: {
          organizationId: flowers.id,
          email: 'owner@flowers.example',
          name: 'Елена Цветкова',
          authorized: true,
          authorizedAt: now,
        },
      });
      await tx.contact.create({
        data: {
          organizationId: flowers.id,
          email: 'manager@flowers.example',
          name: 'Дмитрий Менеджеров',
          authorizedById: owner.id,
        },
      });
      const rider = await tx.contact.create({
        data: {
          organizationId: bikes.id,
          email: 'owner@bikes.example',
          name: 'John Rider',
          locale: 'en',
          authorized: true,
          authorizedAt: now,
        },
      });

      const sites = [
        await tx.site.create({
          data: {
            organizationId: flowers.id,
            name: 'Магазин цветов',
            url: 'https://flowers.example',
            allowedOrigins: ['https://flowers.example', ...local],
            publicKey: siteKey(),
          },
        }),
        await tx.site.create({
          data: {
            organizationId: bikes.id,
            name: 'Bike rental',
            url: 'https://bikes.example',
            allowedOrigins: ['https://bikes.example', ...local],
            publicKey: siteKey(),
          },
        }),
        await tx.site.create({
          data: {
            organizationId: flowers.id,
            name: 'Блог о цветах',
            url: 'https://blog.flowers.example',
            allowedOrigins: ['https://blog.flowers.example', ...local],
            publicKey: siteKey(),
          },
        }),
      ];

      let number = 1001;
      for (const demo of demoTickets) {
        const site = sites[demo.site] ?? sites[0];
        if (!site) throw new Error('demo sites missing');
        const createdAt = new Date(now.getTime() - demo.ageDays * day - 3 * 60 * 60 * 1000);
        const contactId = site.organizationId === flowers.id ? owner.id : rider.id;
        const path = statusPath(demo.status);
        const at = (step: TicketStatus) =>
          path.includes(step) ? new Date(createdAt.getTime() + (path.indexOf(step) + 1) * 60 * 60 * 1000) : null;
        const assigneeId =
          demo.status === 'NEW' ? null : (staffIds[demo.category === 'CONTENT' ? 'LINE1' : 'LINE2'] ?? null);
        await tx.ticket.create({
          data: {
            number: number++,
            title: demo.title,
            description: demo.description,
            status: demo.status,
            priority: demo.priority,
            priorityRank: priorityRank(demo.priority),
            category: demo.category,
            paid: demo.paid ?? false,
            source: demo.category === 'VISITOR_REPORT' ? 'WIDGET' : 'EMAIL',
            organizationId: site.organizationId,
            siteId: site.id,
            contactId: demo.category === 'VISITOR_REPORT' ? null : contactId,
            assigneeId,
            rejectReason: demo.rejectReason ?? null,
            queuedAt: createdAt,
            createdAt,
            firstResponseAt: demo.status === 'NEW' ? null : at(path[1] ?? 'NEW'),
            reactionStartedAt: createdAt,
            reactedAt: demo.status === 'NEW' ? null : at(path[1] ?? 'NEW'),
            // The demo studio reacts in time: billing charges the priority ordered.
            deliveredPriority: demo.status === 'NEW' ? null : demo.priority,
            startedAt: at('IN_PROGRESS'),
            resolvedAt: at('RESOLVED'),
            acceptedAt: at('ACCEPTED'),
            paidAt: at('PAID'),
            rejectedAt: at('REJECTED'),
            // Silent clients accept automatically 7 days after the answer or the report.
            autoAcceptAt:
              demo.status === 'RESOLVED' || demo.status === 'FEEDBACK'
                ? new Date((at(demo.status) ?? createdAt).getTime() + 7 * day)
                : null,
            messages: {
              create: [
                {
                  body: demo.description,
                  authorKind: demo.category === 'VISITOR_REPORT' ? 'VISITOR' : 'CONTACT',
                  authorContactId: demo.category === 'VISITOR_REPORT' ? null : contactId,
                  source: 'EMAIL',
                  createdAt,
                },
                ...(demo.status === 'NEW'
                  ? []
                  : [
                      {
                        body: 'Спасибо, взяли в работу. / Thank you, we are on it.',
                        authorKind: 'STAFF' as const,
                        authorStaffId: assigneeId,
                        source: 'STAFF' as const,
                        createdAt: at(path[1] ?? 'NEW') ?? createdAt,
                      },
                    ]),
                ...(demo.status === 'IN_PROGRESS'
                  ? [
                      {
                        body: 'Проверить логи nginx за ночь.',
                        internal: true,
                        authorKind: 'STAFF' as const,
                        authorStaffId: assigneeId,
                        source: 'STAFF' as const,
                        createdAt,
                      },
                    ]
                  : []),
              ],
            },
            statusChanges: {
              create: path.map((status, index) => ({
                fromStatus: index === 0 ? null : path[index - 1],
                toStatus: status,
                actorKind: index === 0 ? ('CONTACT' as const) : ('STAFF' as const),
                actorStaffId: index === 0 ? null : assigneeId,
                reason: status === 'REJECTED' ? (demo.rejectReason ?? null) : null,
                createdAt: at(status) ?? createdAt,
              })),
            },
          },
        });
      }
      await tx.studioSettings.update({ where: { id: 'studio' }, data: { nextTicketNumber: number } });

      const admin = staff.find((s) => s.role === 'ADMIN');
      if (!admin) throw new Error('demo admin missing');
      return { adminEmail: admin.email, adminToken: admin.token, staff, siteKeys: sites.map((s) => s.publicKey) };
    },
    { timeout: 30_000 },
  );
  // Due and warning times of the open demo tickets, from the calendar just installed.
  await recomputeOpenTicketClocks(db);
  // A month of work with its invoices, so that every demo organization has a monthly report.
  await seedDemoWork(db, now);
  // Public knowledge-base articles, so that the widget on /demo has answers to suggest.
  for (const article of demoArticles) {
    const draft = await createArticle(db, article, null, now);
    await publishArticle(db, draft.id, null, now);
  }
  return credentials;
}

/**
 * The origins a server at `publicUrl` is reached by on this machine: the address itself and,
 * when it is a loopback name, the other loopback names on the same port (localhost, 127.0.0.1,
 * [::1]), so that the demo works whichever one a browser is pointed at.
 */
export function localOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const loopback = ['localhost', '127.0.0.1', '[::1]'];
  if (!loopback.includes(url.hostname)) return [url.origin];
  const port = url.port ? `:${url.port}` : '';
  return [url.origin, ...loopback.map((host) => `${url.protocol}//${host}${port}`).filter((o) => o !== url.origin)];
}

/** Where `pnpm start` keeps the demo tokens, beside the SQLite file (never committed). */
export function demoCredentialsFile(sqliteFile: string): string {
  return join(dirname(sqliteFile), 'demo-credentials.json');
}

export function writeDemoCredentials(sqliteFile: string, credentials: DemoCredentials): void {
  const file = demoCredentialsFile(sqliteFile);
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`);
  chmodSync(file, 0o600);
}

export function readDemoCredentials(sqliteFile: string): DemoCredentials | null {
  const file = demoCredentialsFile(sqliteFile);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials) : null;
}

export function printDemoCredentials(credentials: DemoCredentials, publicUrl: string): void {
  console.log('Demo studio created. Sign-in tokens (shown once; send as "Authorization: Bearer <token>"):');
  for (const person of credentials.staff)
    console.log(`  ${person.role.padEnd(10)} ${person.email.padEnd(28)} ${person.token}`);
  console.log(`Widget keys: ${credentials.siteKeys.join(', ')}`);
  console.log(`GraphiQL: ${publicUrl}/graphql   demo site: ${publicUrl}/demo`);
  const admin = credentials.staff.find((person) => person.role === 'ADMIN');
  if (admin?.password)
    console.log(`Staff console: ${publicUrl}/console   sign in as ${admin.email} with the password ${admin.password}`);
}
