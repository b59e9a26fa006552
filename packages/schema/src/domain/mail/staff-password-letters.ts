import type { Locale } from '../error-codes.ts';

/** Letters that carry a one-time set-password link to a staff member (kept apart from the ticket letters). */
export const staffPasswordLetterKinds = ['STAFF_INVITE', 'STAFF_PASSWORD_RESET'] as const;
export type StaffPasswordLetterKind = (typeof staffPasswordLetterKinds)[number];

export interface StaffPasswordLetterFacts {
  /** The member's name, as the studio wrote it. */
  name: string;
  /** The set-password link (the secret is in its fragment). */
  link: string;
  /** How long the link is valid. */
  validHours: number;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const texts: Record<StaffPasswordLetterKind, Record<Locale, (f: StaffPasswordLetterFacts) => [string, string]>> = {
  STAFF_INVITE: {
    en: (f) => [
      'You are invited to the support desk',
      `${f.name}, the studio invites you to its support desk. Choose your password to sign in.`,
    ],
    ru: (f) => [
      'Приглашение в службу поддержки',
      `${f.name}, студия приглашает вас в свою службу поддержки. Задайте пароль, чтобы войти.`,
    ],
  },
  STAFF_PASSWORD_RESET: {
    en: (f) => [
      'Choose a new password',
      `${f.name}, an administrator reset your password to the support desk. Choose a new one to sign in again.`,
    ],
    ru: (f) => [
      'Задайте новый пароль',
      `${f.name}, администратор сбросил ваш пароль к службе поддержки. Задайте новый, чтобы снова войти.`,
    ],
  },
};

/**
 * The letter with a set-password link, in the member's language: plain text and HTML with the
 * same content. The link works once and for `validHours`.
 */
export function renderStaffPasswordLetter(kind: StaffPasswordLetterKind, locale: Locale, f: StaffPasswordLetterFacts) {
  const [subject, lead] = texts[kind][locale](f);
  const action = locale === 'ru' ? 'Задать пароль' : 'Choose a password';
  const note =
    locale === 'ru'
      ? `Ссылка действует ${f.validHours} часа и только один раз. Если вы не ждали этого письма, просто удалите его.`
      : `The link works once, for ${f.validHours} hours. If you did not expect this letter, delete it.`;
  const text = [lead, '', `${action}: ${f.link}`, '', note].join('\n');
  const html = [
    `<p>${esc(lead)}</p>`,
    `<p><a href="${esc(f.link)}">${action}</a></p>`,
    `<p style="color:#666">${esc(note)}</p>`,
  ].join('\n');
  return { subject, text, html };
}
