import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { saveScreenshot, seriousViolations } from './support/page-helpers.ts';
import { embedPage, startWidgetSite, type WidgetSite } from './support/widget-site.ts';

describeInChromium('accepting and rating work in the widget (headless Chromium)', () => {
  let s: WidgetSite;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    [s, browser] = await Promise.all([startWidgetSite(), launchChromium()]);
    s.page('/', embedPage({ server: s.server, siteKey: s.siteKey }));
    s.page('/ru', embedPage({ server: s.server, siteKey: s.siteKey, lang: 'ru' }));
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const staffToken = () => s.demo.staff.find((m) => m.role === 'LINE1')?.token ?? '';
  const ticketOf = (title: string) =>
    s.t.database.db.ticket.findFirstOrThrow({ where: { title }, include: { rating: true } });
  const resolve = async (title: string, report: string) => {
    const ticketId = Buffer.from(`Ticket:${(await ticketOf(title)).id}`).toString('base64');
    const answer = await s.t.gql<{ resolveTicket: { __typename: string } }>(
      'mutation ($i: ResolveTicketInput!) { resolveTicket(input: $i) { __typename } }',
      { i: { ticketId, report } },
      staffToken(),
    );
    expect(answer.data?.resolveTicket.__typename).toBe('TicketPayload');
  };

  it('should let the visitor who reported free work accept it, then rate it with a comment', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByLabel('Subject').fill('Menu overlaps the logo');
    await page.getByLabel('What happened?').fill('On a narrow window');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/Request #\d+ is filed/).waitFor();
    await page.getByRole('button', { name: 'My requests' }).click();
    await page.getByRole('button', { name: /Menu overlaps the logo/ }).click();
    await page.getByText('Live').waitFor();
    await resolve('Menu overlaps the logo', 'The menu wraps now');

    await page.getByRole('button', { name: 'Accept the work' }).click();
    await page.getByRole('group', { name: 'How satisfied are you with the work?' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTitle('Good').click();
    await page.getByLabel('Comment (optional)').fill('Quick, thank you');
    await page.getByRole('button', { name: 'Send the rating' }).click();
    await page.getByText('Your rating: 4 of 5. Thank you!').waitFor();
    await saveScreenshot(page, 'rated-thread');
    expect(await ticketOf('Menu overlaps the logo')).toMatchObject({
      status: 'ACCEPTED',
      rating: { score: 4, comment: 'Quick, thank you' },
    });

    // Changed while the rating is open: one rating per ticket, the last one counts.
    await page.getByTitle('Excellent').click();
    await page.getByRole('button', { name: 'Change the rating' }).click();
    await page.getByText('Your rating: 5 of 5. Thank you!').waitFor();
    expect((await ticketOf('Menu overlaps the logo')).rating).toMatchObject({ score: 5, comment: 'Quick, thank you' });
    expect(await s.t.database.db.ticketRating.count({ where: { ticket: { title: 'Menu overlaps the logo' } } })).toBe(
      1,
    );
    await page.close();
  });

  it('should ask in Russian on a Russian page, and send no rating until a score is chosen', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/ru`);
    await page.getByRole('button', { name: 'Поддержка' }).click();
    await page.getByRole('textbox', { name: 'Тема' }).fill('Не работает поиск');
    await page.getByLabel('Что случилось?').fill('Ничего не находит');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByText(/Обращение .+ принято/).waitFor();
    await page.getByRole('button', { name: 'Мои обращения' }).click();
    await page.getByRole('button', { name: /Не работает поиск/ }).click();
    await page.getByRole('button', { name: /Назад/ }).waitFor();
    await resolve('Не работает поиск', 'Индекс перестроен');
    await page.reload();
    await page.getByRole('button', { name: 'Поддержка' }).click();
    await page.getByRole('button', { name: 'Мои обращения' }).click();
    await page.getByRole('button', { name: /Не работает поиск/ }).click();
    await page.getByRole('button', { name: 'Принять работу' }).click();
    await page.getByRole('group', { name: 'Насколько вы довольны работой?' }).waitFor();
    await page.getByRole('button', { name: 'Отправить оценку' }).click();
    // The browser asks for a score (the field is required): nothing reaches the server.
    expect(
      await page
        .getByRole('radio', { name: 'Отлично' })
        .evaluate((input) => (input as HTMLInputElement).validity.valid),
    ).toBe(false);
    expect((await ticketOf('Не работает поиск')).rating).toMatchObject({ score: null });
    await page.getByTitle('Отлично').click();
    await page.getByRole('button', { name: 'Отправить оценку' }).click();
    await page.getByText('Ваша оценка: 5 из 5. Спасибо!').waitFor();
    expect((await ticketOf('Не работает поиск')).rating).toMatchObject({ score: 5, comment: null });
    await page.close();
  });
});
