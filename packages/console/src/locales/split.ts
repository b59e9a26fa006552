/** Words of splitting a ticket: one task a ticket (rule 3). */
export const en = {
  split: 'Split into a new ticket',
  splitMessage: 'Split this message into a new ticket',
  splitTitle: 'Split {number}: the other task gets its own ticket',
  splitNewTitle: 'Title of the new ticket',
  splitText: 'The other task (edit down to the part that asks for it)',
  splitPriority: 'Priority',
  splitHint: 'Same client, site and requester; the requester is told. Both tickets link to each other.',
  splitDone: 'Filed {number}',
  splitAgain: 'Split from this text before: {number}',
  splitFrom: 'Split from {number}',
  splitInto: 'Split into {numbers}',
} as const;

export const ru: Record<keyof typeof en, string> = {
  split: 'Выделить в новую заявку',
  splitMessage: 'Выделить это сообщение в новую заявку',
  splitTitle: 'Выделить из {number}: другая задача — в своей заявке',
  splitNewTitle: 'Тема новой заявки',
  splitText: 'Другая задача (сократите до той части, где о ней просят)',
  splitPriority: 'Приоритет',
  splitHint: 'Тот же клиент, сайт и автор; автору придёт уведомление. Заявки ссылаются друг на друга.',
  splitDone: 'Заведена {number}',
  splitAgain: 'Уже выделена из этого текста: {number}',
  splitFrom: 'Выделена из {number}',
  splitInto: 'Выделены: {numbers}',
};
