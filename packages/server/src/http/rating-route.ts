import type { Db } from '@caredesk/schema/db';
import { rateByLink } from '@caredesk/schema/services';

const page = (status: number, text: string) =>
  new Response(
    `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>caredesk</title><p style="font:18px system-ui;margin:3em auto;max-width:30em">${text}</p>`,
    {
      status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      },
    },
  );

/**
 * `/rate/<secret>?score=1…5`: a score clicked in the letter that asks for a rating, recorded
 * without signing in while the rating is open (the secret in the link is the permission).
 */
export function ratingRoute(db: Db, now: () => Date) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const secret = url.pathname.slice('/rate/'.length);
    const score = Number(url.searchParams.get('score'));
    if (!/^cdr_[A-Za-z0-9_-]{43}$/.test(secret)) return page(404, 'Ссылка не найдена. / This link was not found.');
    const outcome = await rateByLink(db, secret, score, now());
    if (outcome === 'RATED')
      return page(
        200,
        `Спасибо! Ваша оценка: ${score} из 5. Изменить её можно, нажав другую оценку в письме. / Thank you! Your rating: ${score} of 5. Click another score in the letter to change it.`,
      );
    if (outcome === 'CLOSED')
      return page(
        410,
        'Оценки принимаются 7 дней после приёмки работы. / Ratings are taken for 7 days after the work is accepted.',
      );
    return page(404, 'Ссылка не найдена. / This link was not found.');
  };
}
