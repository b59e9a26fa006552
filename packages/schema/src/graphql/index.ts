// Assembles the schema: each import registers its types with the builder.
import { builder } from './builder.ts';
import './scalars.ts';
import './errors.ts';
import './enums.ts';
import './types/staff-member.ts';
import './types/organization.ts';
import './types/site.ts';
import './types/message.ts';
import './types/ticket.ts';
import './types/viewer.ts';
import './types/ticket-moves.ts';
import './types/ticket-work.ts';
import './types/queue.ts';
import './types/attachment.ts';
import './types/sign-in.ts';
import './types/ticket-secret.ts';
import './types/staff-access.ts';
import './types/calendar.ts';
import './types/ticket-sla.ts';
import './types/ticket-allowed-moves.ts';
import './types/statistics.ts';
import './types/site-admin.ts';
import './types/article.ts';
import './types/notification-preference.ts';
import './types/monitor.ts';
import './types/monitor-admin.ts';
import './types/monitor-agent.ts';
import './types/time-entry.ts';
import './types/invoice.ts';
import './types/monthly-report.ts';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema({ sortSchema: true });
export type { EventBus, GraphQLContext, RateBucket, Topics, Viewer } from './context.ts';
export { anonymous } from './context.ts';
