import { credentialKey, revocationChannel } from '../../services/access-revoked.ts';
import { authorizeContact } from '../../services/authorize-contact.ts';
import { requestSignInCode, signInWithCode, signOut } from '../../services/contact-sign-in.ts';
import { DomainError } from '../../services/domain-error.ts';
import { forbidden, unauthenticated } from '../auth-scopes.ts';
import { builder } from '../builder.ts';
import { OrganizationRef } from './organization.ts';

const RequestSignInCodeInput = builder.inputType('RequestSignInCodeInput', {
  fields: (t) => ({ email: t.string({ required: true }) }),
});
const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({ email: t.string({ required: true }), code: t.string({ required: true }) }),
});
const AuthorizeContactInput = builder.inputType('AuthorizeContactInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: false, description: 'Needed when the person is new.' }),
    organizationId: t.globalID({ required: false, for: OrganizationRef, description: 'Staff: the organization.' }),
  }),
});

const SentPayload = builder.objectRef<{ sent: boolean }>('SignInCodePayload').implement({
  fields: (t) => ({
    sent: t.exposeBoolean('sent', { description: 'Always true: whether the address is known is not told.' }),
  }),
});
const SessionPayload = builder.objectRef<{ token: string; expiresAt: Date }>('SessionPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as "Authorization: Bearer <token>". Shown once.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});
const SignOutPayload = builder.objectRef<{ signedOut: boolean }>('SignOutPayload').implement({
  fields: (t) => ({ signedOut: t.exposeBoolean('signedOut') }),
});
export const ContactPayload = builder.objectRef<{ contactId: string }>('ContactPayload').implement({
  fields: (t) => ({
    contact: t.prismaField({
      type: 'Contact',
      resolve: (query, p, _args, ctx) => ctx.db.contact.findUniqueOrThrow({ ...query, where: { id: p.contactId } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  requestSignInCode: t.field({
    type: SentPayload,
    description: 'Contacts: e-mail me a one-time sign-in code.',
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: RequestSignInCodeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.rateLimit('signInPerIp', ctx.clientIp);
      await ctx.rateLimit('signInPerEmail', input.email.trim().toLowerCase());
      await requestSignInCode(ctx.db, ctx.mailer, { email: input.email, now: ctx.now(), locale: ctx.locale });
      return { sent: true };
    },
  }),
  signIn: t.field({
    type: SessionPayload,
    description: 'Contacts: trade the e-mailed code for a session token.',
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: SignInInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.rateLimit('signInPerIp', ctx.clientIp);
      return signInWithCode(ctx.db, { email: input.email, code: input.code, now: ctx.now() });
    },
  }),
  signOut: t.field({
    type: SignOutPayload,
    description: 'End the session whose token this request carries.',
    resolve: async (_root, _args, ctx) => {
      const { viewer } = ctx;
      const sessionId = viewer.kind === 'contact' || viewer.kind === 'staff' ? viewer.sessionId : undefined;
      if (!sessionId) throw unauthenticated();
      await signOut(ctx.db, sessionId, ctx.now(), ctx.events);
      return { signedOut: true };
    },
  }),
  authorizeContact: t.field({
    type: ContactPayload,
    description:
      'An authorized contact authorizes another person of the organization (the studio’s head or admin may too).',
    errors: { types: [DomainError] },
    authScopes: { $any: { contact: true, $all: { staffRole: ['HEAD', 'ADMIN'], tokenScope: 'tickets:write' } } },
    args: { input: t.arg({ type: AuthorizeContactInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { viewer } = ctx;
      let organizationId: string;
      if (viewer.kind === 'contact') {
        if (!viewer.authorized) throw new DomainError('ACTOR_NOT_ALLOWED');
        organizationId = viewer.organizationId;
      } else if (viewer.kind === 'staff' && input.organizationId) organizationId = input.organizationId.id;
      else if (viewer.kind === 'staff') throw new DomainError('INVALID_INPUT', 'organizationId', 'which organization?');
      else throw forbidden();
      const contact = await authorizeContact(ctx.db, {
        organizationId,
        email: input.email,
        name: input.name ?? null,
        byContactId: viewer.kind === 'contact' ? viewer.contactId : null,
        now: ctx.now(),
      });
      // Its sessions now grant more: every instance reads them again.
      ctx.events.publish('credentialsChanged', revocationChannel, { credentials: [credentialKey.contact(contact.id)] });
      return { contactId: contact.id };
    },
  }),
}));
