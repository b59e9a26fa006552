import { StaffRole } from '../domain/staff-role.ts';
import { TicketCategory, TicketPriority, TicketStatus } from '../domain/ticket-status.ts';
import { builder } from './builder.ts';

export const TicketStatusEnum = builder.enumType('TicketStatus', { values: Object.values(TicketStatus) });
export const TicketPriorityEnum = builder.enumType('TicketPriority', { values: Object.values(TicketPriority) });
export const TicketCategoryEnum = builder.enumType('TicketCategory', { values: Object.values(TicketCategory) });
export const StaffRoleEnum = builder.enumType('StaffRole', { values: Object.values(StaffRole) });
export const TicketSourceEnum = builder.enumType('TicketSource', {
  values: ['WIDGET', 'EMAIL', 'PHONE', 'STAFF', 'API', 'MONITORING'] as const,
});
