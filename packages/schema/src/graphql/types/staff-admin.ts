import type { StaffRole } from '../../domain/staff-role.ts';
import type { ActorRef } from '../../services/actor.ts';
import { DomainError } from '../../services/domain-error.ts';
import {
  changeStaffRole,
  disableStaffMember,
  enableStaffMember,
  inviteStaff,
  resetStaffPassword,
} from '../../services/staff-admin.ts';
import { setPasswordPath, setPasswordWithLink } from '../../services/staff-password-links.ts';
import { actorOf } from '../actor.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { StaffRoleEnum } from '../enums.ts';
import { StaffMemberRef } from './staff-member.ts';

// Reading the whole staff: the head of support and admins. Changing it: admins, from a session or an admin token.
const headOrAdmin = { $all: { staffRole: ['HEAD', 'ADMIN'] as StaffRole[], tokenScope: 'tickets:read' as const } };
const adminOnly = { $all: { staffRole: ['ADMIN'] as StaffRole[], tokenScope: 'admin' as const } };
const errors = { types: [DomainError] };

builder.prismaObjectFields('StaffMember', (t) => ({
  createdAt: t.expose('createdAt', {
    type: 'DateTime',
    description: 'Head of support or admin: when the member was added (invited).',
    authScopes: headOrAdmin,
  }),
  passwordSet: t.boolean({
    description: 'Head of support or admin: whether the member has a password (its hash is never shown).',
    authScopes: headOrAdmin,
    select: { passwordHash: true },
    resolve: (member) => member.passwordHash !== null,
  }),
  passwordLinkExpiresAt: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'Head of support or admin: when the unused set-password link (invitation or reset) expires — it may have already; null when there is none.',
    authScopes: headOrAdmin,
    select: {
      passwordLinks: { where: { usedAt: null }, orderBy: { createdAt: 'desc' }, take: 1, select: { expiresAt: true } },
    },
    resolve: (member) => member.passwordLinks[0]?.expiresAt ?? null,
  }),
}));

builder.queryField('studioStaff', (t) =>
  t.prismaField({
    type: ['StaffMember'],
    description: 'Head of support or admin: every staff member, active or not, of every role, by name (at most 1,000).',
    authScopes: headOrAdmin,
    resolve: (query, _root, _args, ctx) =>
      ctx.db.staffMember.findMany({ ...query, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 1000 }),
  }),
);

const InviteStaffInput = builder.inputType('InviteStaffInput', {
  fields: (t) => ({
    email: t.string({ required: true, description: 'Unique among staff.' }),
    name: t.string({ required: true, description: '1–100 characters.' }),
    role: t.field({ type: StaffRoleEnum, required: true }),
    supportLine: t.int({ required: false, description: '1–3. Unset: the role’s own (lines 1–3; none for others).' }),
    locale: t.string({ required: false, description: '"ru" (default) or "en": the language of their letters.' }),
  }),
});
const StaffMemberInput = builder.inputType('StaffMemberInput', {
  fields: (t) => ({ staffMember: t.globalID({ required: true, for: StaffMemberRef }) }),
});
const ChangeStaffRoleInput = builder.inputType('ChangeStaffRoleInput', {
  fields: (t) => ({
    staffMember: t.globalID({ required: true, for: StaffMemberRef }),
    role: t.field({ type: StaffRoleEnum, required: true }),
    supportLine: t.int({ required: false, description: '1–3. Unset: the role’s own (lines 1–3; none for others).' }),
  }),
});
const SetStaffPasswordInput = builder.inputType('SetStaffPasswordInput', {
  fields: (t) => ({
    token: t.string({ required: true, description: 'The secret of the set-password link (after "#token=").' }),
    password: t.string({ required: true, description: 'At least 12 characters, not all the same.' }),
  }),
});

const StaffMemberPayload = builder.objectRef<{ staffId: string }>('StaffMemberPayload').implement({
  fields: (t) => ({
    staffMember: t.prismaField({
      type: 'StaffMember',
      resolve: (query, p, _args, ctx) => ctx.db.staffMember.findUniqueOrThrow({ ...query, where: { id: p.staffId } }),
    }),
  }),
});
const StaffPasswordLinkPayload = builder
  .objectRef<{ staffId: string; secret: string; expiresAt: Date }>('StaffPasswordLinkPayload')
  .implement({
    fields: (t) => ({
      staffMember: t.prismaField({
        type: 'StaffMember',
        resolve: (query, p, _args, ctx) => ctx.db.staffMember.findUniqueOrThrow({ ...query, where: { id: p.staffId } }),
      }),
      setPasswordUrl: t.string({
        description:
          'The one-time link that lets the member choose a password, valid 72 hours. It is also mailed to them; shown this once (stored only as a hash), so a studio without mail can hand it over another way.',
        resolve: (p, _args, ctx) => `${ctx.publicUrl}${setPasswordPath(p.secret)}`,
      }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the link stops working.' }),
    }),
  });
const SetStaffPasswordPayload = builder.objectRef<{ email: string }>('SetStaffPasswordPayload').implement({
  fields: (t) => ({
    email: t.exposeString('email', { description: 'The address to sign in with, now with the new password.' }),
  }),
});

type MemberChange = (
  ctx: GraphQLContext,
  request: { staffId: string; actor: ActorRef; now: Date },
) => Promise<{ id: string }>;

/** An admin changes one member's standing. */
const memberMutation = (name: string, description: string, change: MemberChange) =>
  builder.mutationField(name, (t) =>
    t.field({
      type: StaffMemberPayload,
      description,
      authScopes: adminOnly,
      errors,
      args: { input: t.arg({ type: StaffMemberInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        const request = { staffId: input.staffMember.id, actor: actorOf(ctx), now: ctx.now() };
        return { staffId: (await change(ctx, request)).id };
      },
    }),
  );

memberMutation(
  'disableStaffMember',
  'Admin: the member can no longer sign in. Their sessions and API tokens are revoked and their live updates end at once; their tickets stay assigned. Not yourself, nor the last active admin.',
  (ctx, request) => disableStaffMember(ctx.db, request, ctx.events),
);
memberMutation(
  'enableStaffMember',
  'Admin: a disabled member may sign in again (with a new session: the old ones stay ended).',
  (ctx, request) => enableStaffMember(ctx.db, request),
);

builder.mutationFields((t) => ({
  inviteStaff: t.field({
    type: StaffPasswordLinkPayload,
    description:
      'Admin: a new staff member without a password, and a one-time link to choose one (mailed to them in their language, and returned once).',
    authScopes: adminOnly,
    errors,
    args: { input: t.arg({ type: InviteStaffInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { member, secret, expiresAt } = await inviteStaff(ctx.db, {
        ...input,
        actor: actorOf(ctx),
        now: ctx.now(),
      });
      return { staffId: member.id, secret, expiresAt };
    },
  }),
  changeStaffRole: t.field({
    type: StaffMemberPayload,
    description:
      'Admin: another role (and support line). The member’s live updates end and their next request has the new role. Not your own, nor the last active admin’s.',
    authScopes: adminOnly,
    errors,
    args: { input: t.arg({ type: ChangeStaffRoleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = {
        staffId: input.staffMember.id,
        role: input.role,
        supportLine: input.supportLine,
        actor: actorOf(ctx),
        now: ctx.now(),
      };
      return { staffId: (await changeStaffRole(ctx.db, request, ctx.events)).id };
    },
  }),
  resetStaffPassword: t.field({
    type: StaffPasswordLinkPayload,
    description:
      'Admin: clears an active member’s password and ends their sessions (API tokens stay); a new one-time link to choose one is mailed and returned once, and older links stop working.',
    authScopes: adminOnly,
    errors,
    args: { input: t.arg({ type: StaffMemberInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = { staffId: input.staffMember.id, actor: actorOf(ctx), now: ctx.now() };
      const { member, secret, expiresAt } = await resetStaffPassword(ctx.db, request, ctx.events);
      return { staffId: member.id, secret, expiresAt };
    },
  }),
  setStaffPassword: t.field({
    type: SetStaffPasswordPayload,
    description:
      'Anyone with a set-password link: choose the password (once per link). A wrong, used or expired link answers INVALID_LINK alike.',
    errors,
    args: { input: t.arg({ type: SetStaffPasswordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // Counted with every other sign-in attempt from this address.
      await ctx.rateLimit('signInPerIp', ctx.clientIp);
      const { email } = await setPasswordWithLink(
        ctx.db,
        { token: input.token, password: input.password, now: ctx.now() },
        ctx.events,
      );
      return { email };
    },
  }),
}));
