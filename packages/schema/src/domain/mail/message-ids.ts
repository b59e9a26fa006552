/** The Message-ID of an outbox letter: the same on every attempt, so a resend is one letter. */
export const outboxMessageId = (outboxId: string, domain: string) => `<outbox.${outboxId}@${domain}>`;

/** The thread id of a ticket, in References of every letter about it. */
export const ticketThreadId = (ticketId: string, domain: string) => `<ticket.${ticketId}@${domain}>`;

/** The outbox letters and tickets that In-Reply-To/References point at, whatever the domain. */
export function threadRefs(messageIds: readonly string[]): { outboxIds: string[]; ticketIds: string[] } {
  const outboxIds: string[] = [];
  const ticketIds: string[] = [];
  for (const id of messageIds) {
    const match = /^<?(outbox|ticket)\.([a-z0-9]{10,40})@[^>\s]+>?$/i.exec(id.trim());
    if (match?.[1] === 'outbox') outboxIds.push(match[2] as string);
    else if (match?.[1] === 'ticket') ticketIds.push(match[2] as string);
  }
  return { outboxIds, ticketIds };
}
