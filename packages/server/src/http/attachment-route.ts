import type { Db } from '@caredesk/schema/db';
import { detectFileType } from '@caredesk/schema/domain';
import type { AttachmentStorage } from '@caredesk/schema/services';
import type { Signer } from './signed-links.ts';

export const attachmentPath = (id: string) => `/attachments/${encodeURIComponent(id)}`;

/**
 * Serves an attachment to whoever holds a valid signed link (handed out only to those who may
 * see the ticket). Images show inline; everything else downloads. The type comes from the
 * stored content, and browsers are told not to guess.
 */
export function attachmentRoute(db: Db, storage: AttachmentStorage, signer: Signer, now: () => Date) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (!signer.verify(url.pathname, url.searchParams.get('expires'), url.searchParams.get('sig'), now())) {
      return new Response('This link is invalid or has expired. / Ссылка недействительна или устарела.', {
        status: 403,
      });
    }
    const id = decodeURIComponent(url.pathname.slice('/attachments/'.length));
    const attachment = await db.attachment.findUnique({ where: { id } });
    const bytes = attachment ? await storage.get(attachment.storageKey) : null;
    if (!attachment || !bytes) return new Response('Not found / Не найдено', { status: 404 });
    const inline = detectFileType(bytes, attachment.fileName)?.inline ?? false;
    const name = encodeURIComponent(attachment.fileName);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'content-type': attachment.contentType,
        'content-length': String(bytes.byteLength),
        'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, max-age=300',
      },
    });
  };
}
