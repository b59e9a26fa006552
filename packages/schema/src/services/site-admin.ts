import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { normalizeOrigin } from '../domain/site-origin.ts';
import { lookProblem, type WidgetLook } from '../domain/widget-look.ts';
import type { ActorRef } from './actor.ts';
import { audit } from './audit.ts';
import { DomainError } from './domain-error.ts';

/** Most origins a site's widget may be used from. */
export const allowedOriginLimit = 20;

/** A new public widget key (the data-site-key of the script tag). */
export function newSiteKey(): string {
  return `pk_${randomBytes(18).toString('base64url')}`;
}

function origins(list: readonly string[]): string[] {
  const result: string[] = [];
  for (const given of list) {
    const origin = normalizeOrigin(given);
    if (!origin)
      throw new DomainError('INVALID_INPUT', 'allowedOrigins', `"${given}" is not an origin like https://shop.example`);
    if (!result.includes(origin)) result.push(origin);
  }
  if (result.length > allowedOriginLimit)
    throw new DomainError('INVALID_INPUT', 'allowedOrigins', `at most ${allowedOriginLimit} origins`);
  return result;
}

function checkName(name: string, field: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200) throw new DomainError('INVALID_INPUT', field, '1–200 characters');
  return trimmed;
}

/** Adds a client organization. */
export async function createOrganization(
  db: Db,
  input: { name: string; email?: string | null; locale?: string | null; timeZone?: string | null },
  actor: ActorRef,
  now: Date,
) {
  const locale = input.locale ?? 'ru';
  if (locale !== 'ru' && locale !== 'en') throw new DomainError('INVALID_INPUT', 'locale', 'ru or en');
  const email = input.email?.trim().toLowerCase() || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new DomainError('INVALID_INPUT', 'email', 'an e-mail address');
  const organization = await db.organization.create({
    data: { name: checkName(input.name, 'name'), email, locale, timeZone: input.timeZone ?? null },
  });
  await audit(db, actor, 'organization.create', 'Organization', organization.id, { name: organization.name }, now);
  return organization;
}

/**
 * Adds a client site with a fresh widget key. Without origins, the site's own address is the
 * one origin the widget may be used from.
 */
export async function createSite(
  db: Db,
  input: { organizationId: string; name: string; url: string; allowedOrigins?: readonly string[] | null },
  actor: ActorRef,
  now: Date,
) {
  const own = normalizeOrigin(new URL(input.url.trim(), 'invalid:/').origin);
  if (!own) throw new DomainError('INVALID_INPUT', 'url', 'an address like https://shop.example');
  if (!(await db.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } })))
    throw new DomainError('NOT_FOUND', 'organizationId');
  const site = await db.site.create({
    data: {
      organizationId: input.organizationId,
      name: checkName(input.name, 'name'),
      url: input.url.trim(),
      allowedOrigins: input.allowedOrigins?.length ? origins(input.allowedOrigins) : [own],
      publicKey: newSiteKey(),
    },
  });
  await audit(db, actor, 'site.create', 'Site', site.id, { url: site.url, allowedOrigins: site.allowedOrigins }, now);
  return site;
}

function checkLook(given: {
  color?: string | null;
  position?: WidgetLook['position'];
  launcherText?: string | null;
}): WidgetLook {
  const look: WidgetLook = {
    color: given.color?.trim().toLowerCase() || null,
    position: given.position ?? null,
    launcherText: given.launcherText?.trim() || null,
  };
  const problem = lookProblem(look);
  if (problem) throw new DomainError('INVALID_INPUT', `widgetLook.${problem.field}`, problem.reason);
  return look;
}

/** Renames a site, moves it, changes where its widget may be used from, its status page or its widget's look. */
export async function updateSite(
  db: Db,
  input: {
    siteId: string;
    name?: string | null;
    url?: string | null;
    allowedOrigins?: readonly string[] | null;
    statusPage?: boolean | null;
    widgetLook?: { color?: string | null; position?: WidgetLook['position']; launcherText?: string | null } | null;
  },
  actor: ActorRef,
  now: Date,
) {
  const site = await db.site.findUnique({ where: { id: input.siteId } });
  if (!site) throw new DomainError('NOT_FOUND', 'siteId');
  const data: {
    name?: string;
    url?: string;
    allowedOrigins?: string[];
    statusPage?: boolean;
    widgetSettings?: object;
  } = {};
  if (input.name != null) data.name = checkName(input.name, 'name');
  if (input.url != null) {
    if (!normalizeOrigin(new URL(input.url.trim(), 'invalid:/').origin))
      throw new DomainError('INVALID_INPUT', 'url', 'an address like https://shop.example');
    data.url = input.url.trim();
  }
  if (input.allowedOrigins != null) data.allowedOrigins = origins(input.allowedOrigins);
  if (input.statusPage != null) data.statusPage = input.statusPage;
  if (input.widgetLook != null) data.widgetSettings = checkLook(input.widgetLook);
  const updated = await db.site.update({ where: { id: site.id }, data });
  await audit(db, actor, 'site.update', 'Site', site.id, data, now);
  return updated;
}
