import { describe, expect, it } from 'vitest';
import {
  isAcceptance,
  isAutomaticMail,
  isEstimateAgreement,
  outboxMessageId,
  renderLetter,
  threadRefs,
  trimReply,
} from '../src/domain/mail/index.ts';

describe('trimming replies', () => {
  it('should drop the quoted history after an "On … wrote:" line', () => {
    expect(
      trimReply('Yes, it works now.\n\nOn Mon, 23 Nov 2026 at 10:00, Support <s@x.example> wrote:\n> Please check'),
    ).toBe('Yes, it works now.');
  });

  it('should drop Russian mail programs’ history lines and the signature', () => {
    expect(trimReply('Спасибо!\n\n23.11.2026, 10:00, Поддержка пишет:\n> Проверьте')).toBe('Спасибо!');
    expect(trimReply('Готово.\n-- \nИван Петров\n+7 900 000-00-00')).toBe('Готово.');
    expect(trimReply('Done.\n\nSent from my iPhone')).toBe('Done.');
  });

  it('should drop Outlook’s original-message block and interleaved ">" lines', () => {
    expect(trimReply('New text\n-----Original Message-----\nFrom: a@b.example\nold')).toBe('New text');
    expect(trimReply('> old\nanswer\n> older')).toBe('answer');
  });

  it('should keep the whole text when trimming would leave nothing', () => {
    expect(trimReply('> only a quote')).toBe('> only a quote');
  });
});

describe('recognising automatic mail', () => {
  const person = { from: 'bob@client.example', envelope: 'bob@client.example' };
  it('should take a letter a person wrote as a person’s', () => {
    expect(isAutomaticMail(person.envelope, person.from, {})).toBe(false);
    expect(isAutomaticMail(person.envelope, person.from, { 'auto-submitted': 'no' })).toBe(false);
  });

  it('should recognise auto-replies, lists and bounces by their headers and senders', () => {
    expect(isAutomaticMail(person.envelope, person.from, { 'auto-submitted': 'auto-replied' })).toBe(true);
    expect(isAutomaticMail(person.envelope, person.from, { 'x-autoreply': 'yes' })).toBe(true);
    expect(isAutomaticMail(person.envelope, person.from, { precedence: 'bulk' })).toBe(true);
    expect(isAutomaticMail(person.envelope, person.from, { precedence: 'auto_reply' })).toBe(true);
    expect(isAutomaticMail(person.envelope, person.from, { 'list-id': '<news.client.example>' })).toBe(true);
    expect(
      isAutomaticMail(person.envelope, person.from, {
        'content-type': 'multipart/report; report-type=delivery-status',
      }),
    ).toBe(true);
    expect(isAutomaticMail('', person.from, {})).toBe(true);
    expect(isAutomaticMail(null, person.from, {})).toBe(true);
    expect(isAutomaticMail('MAILER-DAEMON@mx.example', 'MAILER-DAEMON@mx.example', {})).toBe(true);
    expect(isAutomaticMail('noreply@shop.example', 'noreply@shop.example', {})).toBe(true);
  });
});

describe('acceptance by reply', () => {
  it('should take a bare "accept" in either language as acceptance and anything more as a reply', () => {
    for (const text of ['accept', 'Accepted.', 'Принимаю!', 'принято']) expect(isAcceptance(text), text).toBe(true);
    for (const text of ['I do not accept this', 'принимаю, но поправьте шрифт', ''])
      expect(isAcceptance(text), text).toBe(false);
  });

  it('should take a bare "agree" in either language as agreement to an estimate and anything more as a reply', () => {
    for (const text of ['agree', 'I agree.', 'Confirmed!', 'OK', 'Согласен', 'подтверждаю', 'да'])
      expect(isEstimateAgreement(text), text).toBe(true);
    for (const text of ['I agree but only for 2000', 'не согласен', 'согласен, если сделаете к пятнице', ''])
      expect(isEstimateAgreement(text), text).toBe(false);
  });
});

describe('letters', () => {
  const facts = {
    number: 1042,
    title: 'Cart <broken>',
    status: 'RESOLVED' as const,
    body: 'Fixed & tested',
    link: 'https://x.example',
  };
  it('should put the ticket number in the subject and write in the recipient’s language', () => {
    expect(renderLetter('RESOLVED', 'en', facts).subject).toBe('[#1042] Work done: please check: Cart <broken>');
    expect(renderLetter('RESOLVED', 'ru', facts).subject).toBe('[#1042] Работа выполнена: проверьте: Cart <broken>');
    expect(renderLetter('RESOLVED', 'ru', { ...facts, autoAcceptDays: 5 }).text).toContain('в течение 5 дней');
  });

  it('should ask to confirm an open cost estimate, with the amount as people read it', () => {
    const feedback = { ...facts, status: 'FEEDBACK' as const, estimateKopecks: 1_234_550 };
    expect(renderLetter('FEEDBACK', 'en', feedback).text).toContain('estimated at 12,345.50 RUB. Reply "agree"');
    expect(renderLetter('FEEDBACK', 'ru', feedback).subject).toBe(
      '[#1042] Подтвердите оценку стоимости: Cart <broken>',
    );
    expect(renderLetter('FEEDBACK', 'en', { ...feedback, estimateKopecks: null }).subject).toBe(
      '[#1042] Your answer is needed: Cart <broken>',
    );
  });

  it('should escape the HTML version and keep the text version as written', () => {
    const letter = renderLetter('STAFF_REPLY', 'en', { ...facts, body: '<script>x</script> & more' });
    expect(letter.html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; more');
    expect(letter.text).toContain('<script>x</script> & more');
    expect(letter.html).toContain('href="https://x.example"');
  });

  it('should find the outbox letter and the ticket a reply points at, whatever the domain', () => {
    const refs = threadRefs([
      outboxMessageId('cm0000000000abc', 'a.example'),
      '<ticket.cm0000000000def@b.example>',
      '<x@y>',
    ]);
    expect(refs).toEqual({ outboxIds: ['cm0000000000abc'], ticketIds: ['cm0000000000def'] });
  });
});
