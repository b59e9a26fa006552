import { describe, expect, it } from 'vitest';
import { StaffRole, TicketCategory, TicketPriority, TicketStatus } from '../src/domain/index.ts';
import * as prismaEnums from '../src/generated/sqlite/enums.ts';

describe('the domain enums', () => {
  it('should hold exactly the values of the Prisma model, so the pure domain and the database agree', () => {
    expect(Object.values(TicketStatus)).toEqual(Object.values(prismaEnums.TicketStatus));
    expect(Object.values(TicketPriority)).toEqual(Object.values(prismaEnums.TicketPriority));
    expect(Object.values(TicketCategory)).toEqual(Object.values(prismaEnums.TicketCategory));
    expect(Object.values(StaffRole)).toEqual(Object.values(prismaEnums.StaffRole));
  });
});
