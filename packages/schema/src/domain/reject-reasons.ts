import type { Locale } from './error-codes.ts';

/** Why a ticket was refused (rule 5): every refusal names one, shown to the client in its language. */
export const rejectReasons = [
  'DUPLICATE',
  'OUT_OF_SCOPE',
  'NO_QUESTION',
  'OFFENSIVE',
  'ALREADY_ANSWERED',
  'WITHDRAWN',
  'OTHER',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

const labels: Record<RejectReason, Record<Locale, string>> = {
  DUPLICATE: { ru: 'Повтор другого обращения', en: 'A duplicate of another request' },
  OUT_OF_SCOPE: { ru: 'Вне рамок договора поддержки', en: 'Outside the support contract' },
  NO_QUESTION: { ru: 'В обращении нет вопроса или задачи', en: 'The request holds no question or task' },
  OFFENSIVE: { ru: 'Оскорбительное обращение', en: 'An offensive request' },
  ALREADY_ANSWERED: { ru: 'Ответ уже есть в базе знаний', en: 'Already answered in the knowledge base' },
  WITHDRAWN: { ru: 'Отозвано клиентом', en: 'Withdrawn by the client' },
  OTHER: { ru: 'Другая причина', en: 'Another reason' },
};

/** The reason as the reader sees it. */
export function rejectReasonLabel(reason: RejectReason, locale: Locale): string {
  return labels[reason][locale];
}

/**
 * The reason a refusal is recorded with: a client's refusal is always a withdrawal; staff name one,
 * a duplicate when they link the original and name nothing, else "another reason". A duplicate
 * needs the original; null when the combination is refused.
 */
export function rejectReasonOf(
  by: 'client' | 'staff',
  given: RejectReason | null | undefined,
  duplicateOf: boolean,
): RejectReason | null {
  if (by === 'client') return 'WITHDRAWN';
  const reason = given ?? (duplicateOf ? 'DUPLICATE' : 'OTHER');
  if (reason === 'DUPLICATE' && !duplicateOf) return null;
  return reason;
}
