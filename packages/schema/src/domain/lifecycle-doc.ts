import { transitions } from './ticket-lifecycle.ts';

const parties: Record<string, string> = {
  client: 'the client (visitor or contact)',
  authorizedClient: 'an authorized contact',
  reporter: 'the visitor who reported it (free tickets only)',
  staff: 'staff (line 1–3, head, admin)',
  accountant: 'the accountant (or admin)',
  system: 'the system',
};

/** docs/ticket-lifecycle.md, written from the transition table itself. */
export function lifecycleMarkdown(): string {
  const rows = transitions.map(
    (t) =>
      `| \`${t.action}\` | ${t.from.join(', ')} | ${t.to ?? '(stays)'} | ${t.by.map((p) => parties[p]).join('; ')} | ${t.note} |`,
  );
  return [
    '# Ticket lifecycle',
    '',
    'Generated from `packages/schema/src/domain/ticket-lifecycle.ts` by `pnpm docs:lifecycle`; a test fails when it is stale.',
    'Every move writes a status-change record with its actor and reason, and is pushed to subscribers.',
    'ACCEPTED, PAID and REJECTED are final for clients: no move of theirs starts there.',
    '',
    '| move | from | to | by | meaning |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
