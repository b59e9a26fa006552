import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
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
    expect(printed).toMatch(/ticketUpdated\(id: ID!\): Ticket!/);
    expect(printed).toMatch(/queueUpdated: Ticket!/);
  });
});
