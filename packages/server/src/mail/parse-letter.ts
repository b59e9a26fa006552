import type { Readable } from 'node:stream';
import type { IncomingMail } from '@caredesk/schema/services';
import type { AddressObject, ParsedMail } from 'mailparser';

/** A parsed letter and the addresses it was delivered to (where a reply token may be). */
export type ParsedLetter = IncomingMail & { recipients: string[] };

/** Headers `isAutomaticMail` looks at, as text. */
const robotHeaders = ['auto-submitted', 'x-autoreply', 'x-autorespond', 'precedence', 'list-id'];

/**
 * Parses a raw letter (mailparser) into what `receiveMail` takes. The SMTP listener gives the
 * envelope (MAIL FROM, RCPT TO); a letter fetched by IMAP has only its headers, so the envelope
 * sender comes from `Return-Path` and the recipients from `Delivered-To`, `X-Original-To`,
 * `To` and `Cc`.
 */
export async function parseLetter(
  source: Readable | Buffer | string,
  envelope?: { from: string | null; recipients: string[] },
): Promise<ParsedLetter> {
  // Loaded with the first letter: a server that receives no mail never needs it.
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(source);
  const header = (name: string) => {
    const value = parsed.headers.get(name);
    return value == null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
  };
  const headers: Record<string, string | undefined> = {};
  for (const name of robotHeaders) headers[name] = header(name);
  headers['x-auto-response-suppress'] = header('x-auto-response-suppress');
  headers['list-unsubscribe'] = parsed.headers.has('list-unsubscribe') ? 'yes' : undefined;
  headers['content-type'] = parsed.headers.get('content-type')
    ? contentType(parsed.headers.get('content-type'))
    : undefined;
  const references = typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []);
  return {
    envelopeFrom: envelope ? envelope.from || null : returnPath(parsed),
    from: addressesOf(parsed.from)[0] ?? null,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    messageId: parsed.messageId ?? null,
    threadIds: [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...references],
    tokenTicketId: null,
    headers,
    recipients: envelope ? envelope.recipients : headerRecipients(parsed),
    files: parsed.attachments.map((file) => ({
      name: file.filename ?? 'attachment',
      size: file.content.byteLength,
      arrayBuffer: async () =>
        file.content.buffer.slice(
          file.content.byteOffset,
          file.content.byteOffset + file.content.byteLength,
        ) as ArrayBuffer,
    })),
  };
}

/**
 * The envelope sender the delivering server wrote down: `Return-Path: <>` is a bounce (null
 * sender, returned as null); without the header the From address stands in.
 */
function returnPath(parsed: ParsedMail): string | null {
  const raw = parsed.headerLines.find((line) => line.key === 'return-path')?.line;
  if (raw === undefined) return addressesOf(parsed.from)[0] ?? null;
  const value = raw.slice(raw.indexOf(':') + 1).trim();
  const address = /<([^<>]*)>/.exec(value)?.[1] ?? value;
  return address.trim() || null;
}

function headerRecipients(parsed: ParsedMail): string[] {
  const delivered = parsed.headerLines
    .filter((line) => line.key === 'delivered-to' || line.key === 'x-original-to')
    .map((line) =>
      line.line
        .slice(line.line.indexOf(':') + 1)
        .trim()
        .replace(/^<|>$/g, ''),
    );
  return [...delivered, ...addressesOf(parsed.to), ...addressesOf(parsed.cc)].filter(Boolean);
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((object) => flatten(object.value));
}

function flatten(values: AddressObject['value']): string[] {
  return values.flatMap((value) => [
    ...(value.address ? [value.address] : []),
    ...(value.group ? flatten(value.group) : []),
  ]);
}

function contentType(value: unknown): string {
  if (typeof value === 'string') return value;
  return (value as { value?: string }).value ?? '';
}
