import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { replyAddresses } from '../src/mail/reply-address.ts';

describe('e-mail configuration', () => {
  it('should log letters, listen for none and answer unknown senders by default, from support@ the public host', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://desk.studio.example' }).mail).toMatchObject({
      smtpUrl: null,
      from: 'caredesk <support@desk.studio.example>',
      listenPort: null,
      listenHost: '0.0.0.0',
      unknownSender: 'reply',
      outboxIntervalMs: 5000,
    });
  });

  it('should name every bad mail variable at once', () => {
    try {
      loadConfig({
        SMTP_URL: 'http://mail',
        MAIL_FROM: 'nobody',
        MAIL_LISTEN_PORT: '70000',
        MAIL_UNKNOWN_SENDER: 'shout',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['SMTP_URL', 'MAIL_FROM', 'MAIL_LISTEN_PORT', 'MAIL_UNKNOWN_SENDER'])
        expect(problems).toContain(name);
    }
  });
});

describe('reply addresses', () => {
  const replies = replyAddresses('Support <help+x@studio.example>', 'a'.repeat(32));
  it('should carry the ticket in a signed token that only the same key accepts', () => {
    const address = replies.forTicket('cm0000000000abcdef');
    expect(address).toMatch(/^help\+tcm0000000000abcdef\.[0-9a-f]{16}@studio\.example$/);
    expect(replies.ticketOf(address)).toBe('cm0000000000abcdef');
    expect(replies.ticketOf(address.toUpperCase())).toBe('cm0000000000abcdef');
    expect(replies.ticketOf(address.replace(/\.[0-9a-f]{4}/, '.0000'))).toBe(null);
    expect(replyAddresses('help@studio.example', 'b'.repeat(32)).ticketOf(address)).toBe(null);
    expect(replies.ticketOf('help@studio.example')).toBe(null);
  });
});
