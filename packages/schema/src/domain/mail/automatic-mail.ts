/** Headers of an incoming letter, names in lower case, values as text. */
export type MailHeaders = Record<string, string | undefined>;

/**
 * True for letters no person wrote: auto-replies (out of office), bounces and lists. They
 * never become tickets and are never answered, so two robots cannot write to each other
 * for ever (RFC 3834).
 */
export function isAutomaticMail(envelopeFrom: string | null | undefined, from: string | null, headers: MailHeaders) {
  if (!envelopeFrom || envelopeFrom === '<>') return true;
  const sender = `${envelopeFrom} ${from ?? ''}`.toLowerCase();
  if (/(^|[\s<])(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/.test(sender)) return true;
  const autoSubmitted = headers['auto-submitted']?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (headers['x-autoreply'] || headers['x-autorespond'] || headers['x-auto-response-suppress']?.match(/all|oof/i))
    return true;
  const precedence = headers.precedence?.trim().toLowerCase();
  if (precedence && ['bulk', 'auto_reply', 'junk', 'list'].includes(precedence)) return true;
  if (headers['list-id'] || headers['list-unsubscribe']) return true;
  const type = headers['content-type']?.toLowerCase() ?? '';
  return type.includes('multipart/report') || type.includes('delivery-status');
}
