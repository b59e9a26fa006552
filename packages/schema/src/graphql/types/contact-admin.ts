import type { Db } from '../../db/client.ts';
import type { RevocationBus } from '../../services/access-revoked.ts';
import type { ActorRef } from '../../services/actor.ts';
import { deactivateContact, deauthorizeContact, reactivateContact } from '../../services/contact-admin.ts';
import { DomainError } from '../../services/domain-error.ts';
import { actorOf } from '../actor.ts';
import { builder } from '../builder.ts';
import { ContactRef } from './contact.ts';
import { ContactPayload } from './sign-in.ts';

const ContactInput = builder.inputType('ContactInput', {
  fields: (t) => ({ contactId: t.globalID({ required: true, for: ContactRef }) }),
});

type ContactChange = (
  db: Db,
  request: { contactId: string; actor: ActorRef; now: Date },
  bus?: RevocationBus,
) => Promise<{ id: string }>;

/** The studio's head or admin changes one contact's standing. */
const contactMutation = (name: string, description: string, change: ContactChange) =>
  builder.mutationField(name, (t) =>
    t.field({
      type: ContactPayload,
      description,
      authScopes: { $all: { staffRole: ['HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
      errors: { types: [DomainError] },
      args: { input: t.arg({ type: ContactInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        const request = { contactId: input.contactId.id, actor: actorOf(ctx), now: ctx.now() };
        return { contactId: (await change(ctx.db, request, ctx.events)).id };
      },
    }),
  );

contactMutation(
  'deauthorizeContact',
  'Head of support or admin: the contact no longer files paid or prioritized work (it may still sign in).',
  deauthorizeContact,
);
contactMutation(
  'deactivateContact',
  'Head of support or admin: the contact left the client. Its sessions and live updates end at once, and it cannot sign in; its tickets stay.',
  deactivateContact,
);
contactMutation(
  'reactivateContact',
  'Head of support or admin: a deactivated contact may sign in again (not authorized until authorized).',
  reactivateContact,
);
