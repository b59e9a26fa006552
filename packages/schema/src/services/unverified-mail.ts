import type { Db } from '../db/client.ts';
import { mayMailAddress, normalizeAddress, unverifiedWindowStart } from '../domain/mail/unverified-mail.ts';

/**
 * Whether one more letter may go to a visitor's address, read in the transaction that would
 * queue it. An address of a staff member or a known contact always may; any other gets
 * `perDay` letters in 24 hours, counted in the outbox under its normalized form (`to`), which
 * the letter is then written with.
 */
export async function allowanceFor(
  tx: Pick<Db, 'staffMember' | 'contact' | 'outboxMail'>,
  address: string,
  perDay: number,
  now: Date,
): Promise<{ allowed: boolean; to: string }> {
  const to = normalizeAddress(address);
  // People's addresses are stored in lower case; as given too, in case one was not.
  const email = { in: [...new Set([to, address.trim()])] };
  const verified =
    (await tx.staffMember.count({ where: { email } })) > 0 || (await tx.contact.count({ where: { email } })) > 0;
  if (verified) return { allowed: true, to: address };
  const lettersInWindow = await tx.outboxMail.count({ where: { to, createdAt: { gt: unverifiedWindowStart(now) } } });
  return { allowed: mayMailAddress({ verified, lettersInWindow }, perDay), to };
}
