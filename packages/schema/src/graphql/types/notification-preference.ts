import { addressOf, notificationModeOf, setNotificationMode } from '../../services/notification-preferences.ts';
import { forbidden, unauthenticated } from '../auth-scopes.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';

const NotificationModeEnum = builder.enumType('NotificationMode', {
  description: 'How a person hears of changes by e-mail: not at all, at once, or in a daily digest.',
  values: ['OFF', 'IMMEDIATE', 'DIGEST'] as const,
});

const NotificationModePayload = builder.objectRef<{ mode: 'OFF' | 'IMMEDIATE' | 'DIGEST' }>('NotificationModePayload');
NotificationModePayload.implement({ fields: (t) => ({ mode: t.expose('mode', { type: NotificationModeEnum }) }) });

/** The caller's own address: contacts and staff only (a visitor's letters follow its ticket). */
async function ownAddress(ctx: GraphQLContext): Promise<string> {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (viewer.kind === 'visitor') throw forbidden();
  const address = await addressOf(
    ctx.db,
    viewer.kind === 'contact' ? { contactId: viewer.contactId } : { staffId: viewer.staffId },
  );
  if (!address) throw unauthenticated();
  return address;
}

builder.queryFields((t) => ({
  myNotificationMode: t.field({
    type: NotificationModeEnum,
    description: 'Contacts and staff: how I hear of changes by e-mail.',
    resolve: async (_root, _args, ctx) => notificationModeOf(ctx.db, await ownAddress(ctx)),
  }),
}));

builder.mutationFields((t) => ({
  setMyNotificationMode: t.field({
    type: NotificationModePayload,
    description: 'Contacts and staff: hear of changes by e-mail not at all, at once, or in a daily digest.',
    args: { mode: t.arg({ type: NotificationModeEnum, required: true }) },
    resolve: async (_root, { mode }, ctx) => ({ mode: await setNotificationMode(ctx.db, await ownAddress(ctx), mode) }),
  }),
}));
