import type { Mail } from '@caredesk/schema/services';

/**
 * The sign-in code in the letter to `email` among the letters sent since `from`. Other letters
 * (the outbox sender's, for earlier work of the same test app) may arrive in between: the one
 * at index `from` is not always the code's.
 */
export function signInCodeSent(sent: readonly Mail[], email: string, from = 0): string {
  // The address as typed (any case, spaces around it); letters go to it as stored.
  const address = email.trim().toLowerCase();
  const letter = sent.slice(from).find((mail) => mail.to.toLowerCase().includes(address) && /\d{6}/.test(mail.subject));
  return letter?.subject.match(/\d{6}/)?.[0] ?? '';
}
