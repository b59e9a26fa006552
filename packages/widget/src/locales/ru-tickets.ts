import type { TicketStrings } from './en-tickets.ts';

/** Russian strings of "my tickets" (loaded with that part). */
export const strings: TicketStrings = {
  noTickets: 'Из этого браузера обращений пока не было.',
  back: 'Назад',
  reply: 'Ответить',
  replyLabel: 'Ваш ответ',
  accept: 'Принять работу',
  corrections: 'Нужны доработки',
  withdraw: 'Отозвать обращение',
  withdrawReason: 'Отозвано посетителем',
  live: 'На связи',
  offline: 'Переподключаемся…',
  history: '{from} → {to}',
  you: 'Вы',
  support: 'Поддержка',
  s_NEW: 'Новое',
  s_FEEDBACK: 'Ждём вашего ответа',
  s_IN_PROGRESS: 'В работе',
  s_RESOLVED: 'Сделано, проверьте',
  s_ACCEPTED: 'Принято',
  s_PAID: 'Оплачено',
  s_REJECTED: 'Закрыто',
};
