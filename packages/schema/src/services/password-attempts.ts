import type { RateLimiter } from './rate-limiter.ts';

/**
 * How staff password attempts are limited, so that guessing is slow and nobody can lock a
 * member out from everywhere:
 *
 * - per account *and* address (`passwordPerAddress`): every attempt counts, a success starts
 *   afresh. Someone guessing from one address locks out only that address, for that account.
 * - per account (`passwordPerAccount`), looser: counts the attempts from addresses the member
 *   has not signed in from lately (`passwordKnownAddress`). It bounds guessing spread over many
 *   addresses (an IPv6 /48 holds 65,536 /64 networks); when it is spent, the member still signs
 *   in from the addresses they used before.
 *
 * Both are counted before the password is checked, in one atomic step each, so a burst of
 * attempts at once is counted in full and a refusal costs no scrypt.
 */
export async function countPasswordAttempt(limiter: RateLimiter, account: string, address: string): Promise<void> {
  const pair = pairKey(account, address);
  await limiter.consume('passwordPerAddress', pair);
  const known = (await limiter.counted('passwordKnownAddress', pair)) > 0;
  if (!known) await limiter.consume('passwordPerAccount', account);
}

/** After a right password: this address starts afresh for this account, and is remembered as the member's. */
export async function passwordAccepted(limiter: RateLimiter, account: string, address: string): Promise<void> {
  const pair = pairKey(account, address);
  await limiter.reset('passwordPerAddress', pair);
  await limiter.record('passwordKnownAddress', pair);
}

// A client address never holds a newline, so the last one splits a pair one way only: pairs never collide.
const pairKey = (account: string, address: string) => `${account}\n${address}`;
