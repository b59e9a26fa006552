import type { MoveErrorCode } from './ticket-move.ts';

/** Every expected failure of the API, by code. Clients switch on the code, people read the message. */
export type ErrorCode =
  | MoveErrorCode
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'DUPLICATE_OF_ITSELF'
  | 'FILE_TOO_LARGE'
  | 'UPLOAD_TOO_LARGE'
  | 'TOO_MANY_FILES'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'INVALID_CODE'
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED'
  | 'TICKET_CLOSED'
  | 'TIMER_NOT_RUNNING'
  | 'MONITOR_TARGET_FORBIDDEN'
  | 'RATING_CLOSED'
  | 'INVALID_LINK'
  | 'NOT_ON_YOURSELF'
  | 'LAST_ADMIN';

export type Locale = 'ru' | 'en';

const messages: Record<ErrorCode, Record<Locale, string>> = {
  TRANSITION_NOT_ALLOWED: {
    en: 'This step is not possible in the ticket’s current status.',
    ru: 'Этот шаг невозможен в текущем статусе заявки.',
  },
  ACTOR_NOT_ALLOWED: {
    en: 'You may not take this step on this ticket.',
    ru: 'Вы не можете выполнить этот шаг по заявке.',
  },
  REASON_REQUIRED: { en: 'Give a reason for rejecting the ticket.', ru: 'Укажите причину отклонения заявки.' },
  REPORT_REQUIRED: { en: 'Write a report of the work done.', ru: 'Опишите выполненную работу.' },
  ESTIMATE_REQUIRED: {
    en: 'Paid work needs a cost estimate first.',
    ru: 'Для платной работы сначала нужна оценка стоимости.',
  },
  ESTIMATE_NOT_CONFIRMED: {
    en: 'Paid work is started, finished and accepted only after the client confirms the estimate.',
    ru: 'Платную работу начинают, завершают и принимают только после подтверждения оценки клиентом.',
  },
  NOT_A_PAID_TICKET: { en: 'Only paid tickets are paid for.', ru: 'Оплата подтверждается только для платных заявок.' },
  NOT_DUE_YET: {
    en: 'The ticket is not due for automatic acceptance yet.',
    ru: 'Срок автоматической приёмки ещё не наступил.',
  },
  NOT_FOUND: { en: 'Nothing was found with this id.', ru: 'Ничего не найдено по этому идентификатору.' },
  INVALID_INPUT: { en: 'Some fields are not filled in correctly.', ru: 'Некоторые поля заполнены неверно.' },
  DUPLICATE_OF_ITSELF: {
    en: 'A ticket cannot be a duplicate of itself.',
    ru: 'Заявка не может быть дубликатом самой себя.',
  },
  FILE_TOO_LARGE: {
    en: 'A file is larger than allowed (5 MB by default).',
    ru: 'Файл больше допустимого размера (по умолчанию 5 МБ).',
  },
  UPLOAD_TOO_LARGE: {
    en: 'The files together are larger than allowed (5.5 MB by default).',
    ru: 'Файлы вместе больше допустимого размера (по умолчанию 5,5 МБ).',
  },
  TOO_MANY_FILES: { en: 'Too many files at once.', ru: 'Слишком много файлов за раз.' },
  UNSUPPORTED_FILE_TYPE: {
    en: 'This kind of file is not accepted: send images, PDF, office documents or archives.',
    ru: 'Такой тип файла не принимается: отправьте изображение, PDF, документ или архив.',
  },
  INVALID_CODE: {
    en: 'The code is wrong or has expired. Ask for a new one.',
    ru: 'Код неверен или устарел. Запросите новый.',
  },
  INVALID_CREDENTIALS: {
    en: 'The e-mail or the password is wrong.',
    ru: 'Неверный адрес почты или пароль.',
  },
  RATE_LIMITED: {
    en: 'Too many attempts. Try again a little later.',
    ru: 'Слишком много попыток. Попробуйте чуть позже.',
  },
  TICKET_CLOSED: {
    en: 'The ticket is closed: no more time can be recorded on it.',
    ru: 'Заявка закрыта: время по ней больше не учитывается.',
  },
  TIMER_NOT_RUNNING: { en: 'You have no running timer.', ru: 'У вас нет запущенного таймера.' },
  RATING_CLOSED: {
    en: 'This work can no longer be rated: ratings are taken for 7 days after it is accepted.',
    ru: 'Эту работу уже нельзя оценить: оценки принимаются 7 дней после приёмки.',
  },
  INVALID_LINK: {
    en: 'The link is wrong, already used or expired. Ask an administrator for a new one.',
    ru: 'Ссылка неверна, уже использована или устарела. Попросите администратора прислать новую.',
  },
  NOT_ON_YOURSELF: {
    en: 'You cannot disable yourself or change your own role: ask another administrator.',
    ru: 'Нельзя отключить себя или сменить свою роль: попросите другого администратора.',
  },
  LAST_ADMIN: {
    en: 'The studio must keep at least one active administrator.',
    ru: 'В студии должен остаться хотя бы один активный администратор.',
  },
  MONITOR_TARGET_FORBIDDEN: {
    en: 'Monitors may check only public addresses: this one is inside a private, loopback or cloud network. An administrator can allow it with MONITOR_ALLOW_NETWORKS.',
    ru: 'Мониторы проверяют только публичные адреса, а этот — внутренний (частная, локальная или облачная сеть). Администратор может разрешить его в MONITOR_ALLOW_NETWORKS.',
  },
};

/** Every code, in the order declared (the GraphQL enum lists them all, so none can be left out). */
export const errorCodes = Object.keys(messages) as ErrorCode[];

/** The message for a code in the reader's language. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  return messages[code][locale];
}

/** Picks ru or en from an Accept-Language header (Russian first: the studios are Russian). */
export function localeFrom(acceptLanguage: string | null | undefined, fallback: Locale = 'ru'): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('ru')) return 'ru';
  return fallback;
}
