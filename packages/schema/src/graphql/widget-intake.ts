import { checkFiles } from '../services/attach-files.ts';
import { DomainError } from '../services/domain-error.ts';
import { forbidden } from './auth-scopes.ts';
import type { GraphQLContext } from './context.ts';

/**
 * The site behind a widget's public key, accepted only when the browser's Origin is one of
 * the site's allowed origins (a key copied to another site is useless there).
 */
export async function siteForWidget(ctx: GraphQLContext, siteKey: string) {
  const site = await ctx.db.site.findUnique({
    where: { publicKey: siteKey },
    select: { id: true, allowedOrigins: true },
  });
  const allowed = Array.isArray(site?.allowedOrigins) ? site.allowedOrigins.map(String) : [];
  if (!site || !ctx.origin || !allowed.includes(ctx.origin)) throw forbidden();
  return site;
}

const email = /^[^\s@]{1,64}@[^\s@]{1,189}$/;

/** The optional contact details a visitor leaves. */
export function checkVisitor(visitorEmail: string | null | undefined, visitorName: string | null | undefined) {
  const mail = visitorEmail?.trim() || null;
  if (mail && !email.test(mail)) throw new DomainError('INVALID_INPUT', 'visitorEmail', 'not an e-mail address');
  const name = visitorName?.trim() || null;
  if (name && name.length > 100) throw new DomainError('INVALID_INPUT', 'visitorName', 'at most 100 characters');
  return { email: mail, name };
}

/** Uploaded files, checked before anything is stored. */
export async function filesOf(files: readonly File[] | null | undefined, ctx: GraphQLContext) {
  return files?.length ? checkFiles(files, ctx.uploadLimits) : [];
}
