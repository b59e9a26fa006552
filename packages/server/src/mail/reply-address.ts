import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Reply addresses carry the ticket: `support+t<ticket id>.<signature>@studio.example`. The
 * signature (HMAC of the id with the secret key) keeps anyone from writing into a ticket by
 * guessing its id.
 */
export function replyAddresses(fromHeader: string, secret: string) {
  const address = /<([^<>]+)>\s*$/.exec(fromHeader)?.[1] ?? fromHeader.trim();
  const [local = 'support', domain = 'localhost'] = address.split('@');
  const base = local.split('+')[0] as string;
  const sign = (ticketId: string) =>
    createHmac('sha256', secret).update(`reply:${ticketId}`).digest('hex').slice(0, 16);
  return {
    domain,
    /** The Reply-To of letters about this ticket. */
    forTicket: (ticketId: string) => `${base}+t${ticketId}.${sign(ticketId)}@${domain}`,
    /** The ticket id of a recipient address whose token is genuine, else null. */
    ticketOf(recipient: string): string | null {
      // Ids and signatures are lower case: a server that changed the case is forgiven.
      const match = /\+t([a-z0-9]{10,40})\.([0-9a-f]{16})@/.exec(recipient.toLowerCase());
      if (!match) return null;
      const [, id, signature] = match as unknown as [string, string, string];
      const expected = Buffer.from(sign(id));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
    },
  };
}
