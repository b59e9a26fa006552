import { formatRubles } from '../billing/money.ts';
import type { Locale } from '../error-codes.ts';
import type { TicketStatus } from '../ticket-status.ts';

/** Every letter caredesk writes, by who it goes to. */
export const letterKinds = {
  client: [
    'RECEIVED',
    'STAFF_REPLY',
    'FEEDBACK',
    'STATUS_CHANGED',
    'RESOLVED',
    'AUTO_ACCEPTED',
    'RATE_REQUEST',
    'UNKNOWN_SENDER',
  ],
  staff: ['CLIENT_REPLY', 'ASSIGNED', 'SLA_WARNING', 'SLA_BREACH', 'ESCALATED', 'CLIENT_ESCALATED'],
} as const;
export type LetterKind = (typeof letterKinds)['client' | 'staff'][number];

/** What a letter says: the ticket and the text that prompted it. */
export interface LetterFacts {
  number: number;
  title: string;
  status: TicketStatus;
  /** The reply, question, report or reason, as written. */
  body?: string | null;
  /** Where the recipient opens the ticket. */
  link: string;
  /** RATE_REQUEST: the one-click links of the scores 1 to 5. */
  ratingLinks?: readonly string[];
  autoAcceptDays?: number;
  /** SLA letters: which clock and when it is (was) due. */
  clock?: 'REACTION' | 'RESOLUTION';
  dueAt?: Date | null;
  /** FEEDBACK: a cost estimate waiting for the client's confirmation. */
  estimateKopecks?: number | null;
}

export interface Letter {
  subject: string;
  text: string;
  html: string;
}

const statusNames: Record<TicketStatus, Record<Locale, string>> = {
  NEW: { en: 'new', ru: 'новая' },
  FEEDBACK: { en: 'waiting for your answer', ru: 'ждёт вашего ответа' },
  IN_PROGRESS: { en: 'in progress', ru: 'в работе' },
  RESOLVED: { en: 'resolved', ru: 'выполнена' },
  ACCEPTED: { en: 'accepted', ru: 'принята' },
  PAID: { en: 'paid', ru: 'оплачена' },
  REJECTED: { en: 'rejected', ru: 'отклонена' },
};

/** `titled: false`: the subject leaves out the ticket's title (the first letter, see RECEIVED). */
type Lines = (f: LetterFacts, l: Locale) => { subject: string; lead: string; titled?: false };
const clockName = (f: LetterFacts, l: Locale) =>
  f.clock === 'RESOLUTION' ? (l === 'ru' ? 'решения' : 'resolution') : l === 'ru' ? 'реакции' : 'reaction';
const due = (f: LetterFacts) => (f.dueAt ? f.dueAt.toISOString().slice(0, 16).replace('T', ' ') : '—');

const texts: Record<LetterKind, Record<Locale, Lines>> = {
  // Whoever files a ticket picks its title and the address this goes to: the subject must not
  // carry their words to a stranger's mailbox.
  RECEIVED: {
    en: () => ({
      subject: 'We received your request',
      lead: 'Thank you: your request is filed and support will answer.',
      titled: false,
    }),
    ru: () => ({
      subject: 'Ваше обращение получено',
      lead: 'Спасибо: заявка зарегистрирована, поддержка ответит.',
      titled: false,
    }),
  },
  STAFF_REPLY: {
    en: () => ({ subject: 'New answer', lead: 'Support answered:' }),
    ru: () => ({ subject: 'Новый ответ', lead: 'Поддержка ответила:' }),
  },
  FEEDBACK: {
    en: (f) =>
      f.estimateKopecks != null
        ? {
            subject: 'Please confirm the cost estimate',
            lead: `The work is estimated at ${formatRubles(f.estimateKopecks, 'en')}. Reply "agree" to confirm the estimate, or write your questions:`,
          }
        : { subject: 'Your answer is needed', lead: 'Support needs your answer (a question or a cost estimate):' },
    ru: (f) =>
      f.estimateKopecks != null
        ? {
            subject: 'Подтвердите оценку стоимости',
            lead: `Работа оценена в ${formatRubles(f.estimateKopecks, 'ru')}. Ответьте «согласен», чтобы подтвердить оценку, или задайте вопросы:`,
          }
        : { subject: 'Нужен ваш ответ', lead: 'Поддержке нужен ваш ответ (вопрос или оценка стоимости):' },
  },
  STATUS_CHANGED: {
    en: (f) => ({
      subject: `Status: ${statusNames[f.status].en}`,
      lead: `The ticket is now ${statusNames[f.status].en}.`,
    }),
    ru: (f) => ({
      subject: `Статус: ${statusNames[f.status].ru}`,
      lead: `Статус заявки: ${statusNames[f.status].ru}.`,
    }),
  },
  RESOLVED: {
    en: (f) => ({
      subject: 'Work done: please check',
      lead: `The work is done. Please check it within ${f.autoAcceptDays ?? 7} days: reply "accept" to accept it, or write what is wrong; without an answer it is accepted automatically.`,
    }),
    ru: (f) => ({
      subject: 'Работа выполнена: проверьте',
      lead: `Работа выполнена. Проверьте её в течение ${f.autoAcceptDays ?? 7} дней: ответьте «принимаю», чтобы принять, или напишите, что не так; без ответа заявка будет принята автоматически.`,
    }),
  },
  AUTO_ACCEPTED: {
    en: (f) => ({
      subject: 'Accepted automatically',
      lead: `There was no answer for ${f.autoAcceptDays ?? 7} days, so the ticket was accepted.`,
    }),
    ru: (f) => ({
      subject: 'Принята автоматически',
      lead: `Ответа не было ${f.autoAcceptDays ?? 7} дней, поэтому заявка принята.`,
    }),
  },
  RATE_REQUEST: {
    en: () => ({
      subject: 'How did we do?',
      lead: 'The work is accepted. How satisfied are you, from 1 (not at all) to 5 (very)? One click on a score records it; you may change it within 7 days.',
    }),
    ru: () => ({
      subject: 'Как мы справились?',
      lead: 'Работа принята. Насколько вы довольны, от 1 (совсем нет) до 5 (очень)? Один щелчок по оценке сохраняет её; изменить её можно в течение 7 дней.',
    }),
  },
  UNKNOWN_SENDER: {
    en: () => ({
      subject: 'We could not file your letter',
      lead: 'Your address is not among the contacts of our clients, so the letter did not become a ticket. Please write from the address registered with us, or use the form on your site.',
    }),
    ru: () => ({
      subject: 'Мы не смогли зарегистрировать письмо',
      lead: 'Вашего адреса нет среди контактов наших клиентов, поэтому письмо не стало заявкой. Напишите, пожалуйста, с адреса, указанного в договоре, или через форму на сайте.',
    }),
  },
  CLIENT_REPLY: {
    en: () => ({ subject: 'Client replied', lead: 'The client replied:' }),
    ru: () => ({ subject: 'Ответ клиента', lead: 'Клиент ответил:' }),
  },
  ASSIGNED: {
    en: () => ({ subject: 'Assigned to you', lead: 'This ticket is now yours.' }),
    ru: () => ({ subject: 'Назначена вам', lead: 'Эта заявка назначена вам.' }),
  },
  SLA_WARNING: {
    en: (f) => ({
      subject: `Due soon (${clockName(f, 'en')})`,
      lead: `80 % of the ${clockName(f, 'en')} time is used; due ${due(f)} UTC.`,
    }),
    ru: (f) => ({
      subject: `Скоро срок (${clockName(f, 'ru')})`,
      lead: `Прошло 80 % времени ${clockName(f, 'ru')}; срок ${due(f)} UTC.`,
    }),
  },
  SLA_BREACH: {
    en: (f) => ({
      subject: `Overdue (${clockName(f, 'en')})`,
      lead: `The ${clockName(f, 'en')} time ran out at ${due(f)} UTC.`,
    }),
    ru: (f) => ({
      subject: `Срок нарушен (${clockName(f, 'ru')})`,
      lead: `Время ${clockName(f, 'ru')} истекло ${due(f)} UTC.`,
    }),
  },
  ESCALATED: {
    en: () => ({
      subject: 'Escalated to you',
      lead: 'A target was missed: the ticket is escalated to the head of support.',
    }),
    ru: () => ({ subject: 'Эскалация', lead: 'Срок нарушен: заявка передана руководителю поддержки.' }),
  },
  CLIENT_ESCALATED: {
    en: () => ({
      subject: 'The client asks for the head of support',
      lead: 'The client thinks this ticket was closed too early and asks the head of support to look again:',
    }),
    ru: () => ({
      subject: 'Клиент просит руководителя',
      lead: 'Клиент считает, что заявку закрыли рано, и просит руководителя поддержки разобраться:',
    }),
  },
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Writes a letter in the recipient's language: the ticket number in the subject (so mail
 * programs thread it and people find it) and, after the first letter, its title; plain text
 * and HTML with the same content.
 */
export function renderLetter(kind: LetterKind, locale: Locale, facts: LetterFacts): Letter {
  const { subject, lead, titled } = texts[kind][locale](facts, locale);
  const open = locale === 'ru' ? 'Открыть заявку' : 'Open the ticket';
  const replyHint =
    locale === 'ru'
      ? 'Ответьте на это письмо, чтобы написать в заявку.'
      : 'Reply to this letter to write to the ticket.';
  const body = facts.body?.trim() ?? '';
  const scores = facts.ratingLinks ?? [];
  const text = [
    lead,
    body && `\n${body}\n`,
    ...scores.map((link, i) => `${i + 1}: ${link}`),
    scores.length ? '' : '',
    `${open}: ${facts.link}`,
    '',
    replyHint,
  ]
    .filter((p) => p !== '')
    .join('\n');
  const html = [
    `<p>${escapeHtml(lead)}</p>`,
    body && `<blockquote style="white-space:pre-wrap">${escapeHtml(body)}</blockquote>`,
    scores.length > 0 &&
      `<p>${scores.map((link, i) => `<a href="${escapeHtml(link)}" style="padding:4px 10px">${i + 1}</a>`).join(' ')}</p>`,
    `<p><a href="${escapeHtml(facts.link)}">${open}</a></p>`,
    `<p style="color:#666">${escapeHtml(replyHint)}</p>`,
  ]
    .filter(Boolean)
    .join('\n');
  return { subject: `[#${facts.number}] ${subject}${titled === false ? '' : `: ${facts.title}`}`, text, html };
}

/** One letter instead of many, for a person who chose the digest: each held letter in turn. */
export function renderDigest(locale: Locale, letters: readonly Letter[]): Letter {
  const subject =
    locale === 'ru' ? `Сводка по заявкам: ${letters.length}` : `Digest of your tickets: ${letters.length} updates`;
  const text = letters.map((l) => `== ${l.subject} ==\n\n${l.text}`).join('\n\n');
  const html = letters.map((l) => `<h3>${escapeHtml(l.subject)}</h3>\n${l.html}`).join('\n<hr>\n');
  return { subject, text, html };
}
