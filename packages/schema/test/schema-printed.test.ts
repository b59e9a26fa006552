import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNonNullType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/index.ts';

describe('the printed schema', () => {
  it('should equal the committed packages/schema/schema.graphql (run pnpm schema:print after changing the API)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
    expect(`${printSchema(schema)}\n`).toBe(committed);
  });

  it('should keep the fixed public names of the contract', () => {
    const printed = printSchema(schema);
    expect(printed).toContain(
      'enum TicketStatus {\n  ACCEPTED\n  FEEDBACK\n  IN_PROGRESS\n  NEW\n  PAID\n  REJECTED\n  RESOLVED\n}',
    );
    expect(printed).toContain('enum TicketPriority {\n  HIGH\n  IMMEDIATE\n  NORMAL\n  URGENT\n}');
    expect(printed).toMatch(/node\(id: ID!\): Node\n/);
    expect(printed).toMatch(/ticket\(id: ID!\): Ticket\n/);
    expect(printed).toMatch(
      /tickets\(after: String, before: String, filter: TicketFilter, first: Int, last: Int\): TicketConnection!/,
    );
    // `ticketUpdated(id: ID!): Ticket!` as fixed; an optional argument added since leaves every old call valid.
    const ticketUpdated = schema.getSubscriptionType()?.getFields().ticketUpdated;
    expect(String(ticketUpdated?.type)).toBe('Ticket!');
    expect(ticketUpdated?.args.map((arg) => [arg.name, String(arg.type)])).toContainEqual(['id', 'ID!']);
    const added = ticketUpdated?.args.filter((arg) => arg.name !== 'id') ?? [];
    expect(added.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)).toEqual([]);
    expect(printed).toMatch(/queueUpdated: Ticket!/);
  });
});
