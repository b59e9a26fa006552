import { newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const rawId = (id: string) => Buffer.from(id, 'base64').toString().split(':')[1] ?? '';

const articleFields = '__typename ... on Article { id title status version } ... on DomainError { code field }';

describeEachDatabase('the knowledge base', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let flowersOrg = '';
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const token = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  async function write(
    key: string,
    input: Record<string, unknown>,
    publish = true,
  ): Promise<{ id: string; title: string; status: string; version: number }> {
    const created = await t.gql<{ createArticle: { id: string } }>(
      `mutation ($i: ArticleInput!) { createArticle(input: $i) { ${articleFields} } }`,
      { i: input },
      tokens.admin,
    );
    const id = created.data?.createArticle.id;
    if (!id) throw new Error(JSON.stringify(created));
    ids[key] = id;
    if (!publish) return created.data?.createArticle as never;
    const published = await t.gql<{ publishArticle: { id: string; title: string; status: string; version: number } }>(
      `mutation ($id: ID!) { publishArticle(id: $id) { ${articleFields} } }`,
      { id },
      tokens.admin,
    );
    return published.data?.publishArticle as never;
  }

  async function search(query: string, token?: string, locale?: string): Promise<string[]> {
    const answer = await t.gql<{ searchArticles: { id: string }[] }>(
      'query ($q: String!, $l: String) { searchArticles(query: $q, locale: $l, first: 10) { id } }',
      { q: query, l: locale ?? null },
      token,
    );
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    const found = answer.data?.searchArticles.map((a) => a.id) ?? [];
    return found.map((id) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id);
  }

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const { db } = t.database;
    tokens.admin = token('ADMIN');
    const session = async (email: string) => {
      const contact = await db.contact.findUniqueOrThrow({ where: { email } });
      const { secret, hash } = newSecret('session');
      await db.session.create({
        data: { tokenHash: hash, contactId: contact.id, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      return { secret, organizationId: contact.organizationId };
    };
    const flowers = await session('owner@flowers.example');
    const bikes = await session('owner@bikes.example');
    tokens.flowers = flowers.secret;
    tokens.bikes = bikes.secret;
    flowersOrg = globalId('Organization', flowers.organizationId);

    await write('payment', {
      title: 'Как оплатить счёт за поддержку',
      body: 'Оплата принимается картой или по счёту. После оплаты счета работа начинается в тот же день.',
      tags: ['оплата', 'счета'],
    });
    await write('ssl', {
      title: 'Сертификат SSL истёк: что делать',
      body: 'Браузер пишет, что соединение не защищено. Мы продлеваем сертификаты сами.',
    });
    await write('mail', {
      title: 'Почта сайта не доходит',
      body: 'Проверьте настройки почтового ящика и записи SPF.',
    });
    await write('pay-en', {
      locale: 'en',
      title: 'Paying invoices',
      body: 'Payments are accepted by card. Work on paid tickets starts once the invoice is paid.',
    });
    await write('backup-en', {
      locale: 'en',
      title: 'Restoring a website from a backup',
      body: 'Backups are made every night and kept for thirty days.',
    });
    await write('flowers-only', {
      title: 'Оплата доставки цветов в админке магазина',
      body: 'Модуль оплаты доставки настроен для вашего магазина.',
      visibility: 'ORGANIZATION',
      organizationId: flowersOrg,
    });
    await write('staff-only', {
      title: 'Оплата хостинга: реквизиты подрядчика',
      body: 'Внутренняя инструкция по оплате хостинга.',
      visibility: 'STAFF',
    });
    await write('draft', { title: 'Оплата частями (черновик)', body: 'Пока не решено.' }, false);
  });
  afterAll(() => t.close());

  describe('search in Russian', () => {
    it('should find an article by any form of a word: оплата, оплатить, оплаты', async () => {
      for (const query of ['оплата', 'оплатить', 'оплаты', 'оплату', 'оплатил']) {
        expect(await search(query), query).toContain('payment');
      }
    });

    it('should find articles from the first letters of a word while the visitor types', async () => {
      expect(await search('опл')).toContain('payment');
      expect(await search('серт')).toEqual(['ssl']);
      expect(await search('почта сай')).toEqual(['mail']);
    });

    it('should rank an article with the words in its title above one with them only in its body', async () => {
      await write('payment-mention', {
        title: 'Сроки выполнения работ',
        body: 'Работы начинаются после оплаты. Сроки зависят от объёма.',
      });
      const found = await search('оплата');
      expect(found.indexOf('payment')).toBeLessThan(found.indexOf('payment-mention'));
    });

    it('should forgive a typo when nothing else matches', async () => {
      expect(await search('сертификт')).toEqual(['ssl']);
      expect(await search('пчта')).toEqual(['mail']);
    });

    it('should ignore words too common to mean anything, and find nothing for nonsense', async () => {
      expect(await search('как оплатить')).toContain('payment');
      expect(await search('зззззззззз')).toEqual([]);
      expect(await search('  ')).toEqual([]);
    });

    it('should read FTS and tsquery syntax as plain words', async () => {
      expect(await search('оплата" OR * & !:( NEAR')).toEqual([]);
      expect(await search('оплата*')).toContain('payment');
    });
  });

  describe('search in English', () => {
    it('should find an article by other forms of its words and by prefixes', async () => {
      expect(await search('payment', undefined, 'en')).toEqual(['pay-en']);
      expect(await search('invoice', undefined, 'en')).toEqual(['pay-en']);
      expect(await search('restore back', undefined, 'en')).toEqual(['backup-en']);
      expect(await search('how to restore my website')).toEqual(['backup-en']);
    });

    it('should forgive a typo in a longer word', async () => {
      expect(await search('websiet backup', undefined, 'en')).toEqual(['backup-en']);
    });

    it('should keep to the asked language', async () => {
      expect(await search('оплата', undefined, 'en')).toEqual([]);
    });
  });

  describe('visibility', () => {
    it('should show an organization’s article to its contacts and staff only', async () => {
      expect(await search('доставки')).toEqual([]);
      expect(await search('доставки', tokens.bikes)).toEqual([]);
      expect(await search('доставки', tokens.flowers)).toEqual(['flowers-only']);
      expect(await search('доставки', tokens.admin)).toEqual(['flowers-only']);
    });

    it('should show a staff article to staff only', async () => {
      expect(await search('реквизиты')).toEqual([]);
      expect(await search('реквизиты', tokens.flowers)).toEqual([]);
      expect(await search('реквизиты', tokens.admin)).toEqual(['staff-only']);
    });

    it('should never show a draft, not even to staff searching', async () => {
      expect(await search('частями')).toEqual([]);
      expect(await search('частями', tokens.admin)).toEqual([]);
      const read = (token?: string) =>
        t.gql<{ article: { title: string } | null }>(
          'query ($id: ID!) { article(id: $id) { title } }',
          { id: ids.draft },
          token,
        );
      expect((await read()).data?.article).toBeNull();
      expect((await read(tokens.flowers)).data?.article).toBeNull();
      expect((await read(tokens.admin)).data?.article?.title).toBe('Оплата частями (черновик)');
    });

    it('should keep showing the published version while its edit is a draft, and hide an unpublished article', async () => {
      const edited = await t.gql<{ updateArticle: { id: string } }>(
        `mutation ($id: ID!) { updateArticle(id: $id, input: { title: "Почта и рассылки" }) { ${articleFields} } }`,
        { id: ids.mail },
        tokens.admin,
      );
      expect(edited.data?.updateArticle).toMatchObject({ title: 'Почта сайта не доходит', version: 1 });
      expect(await search('рассылки')).toEqual([]);
      await t.gql('mutation ($id: ID!) { publishArticle(id: $id) { __typename } }', { id: ids.mail }, tokens.admin);
      expect(await search('рассылки')).toEqual(['mail']);

      const back = await t.gql<{ unpublishArticle: { status: string } }>(
        `mutation ($id: ID!) { unpublishArticle(id: $id) { ${articleFields} } }`,
        { id: ids.mail },
        tokens.admin,
      );
      expect(back.data?.unpublishArticle.status).toBe('DRAFT');
      expect(await search('почта')).toEqual([]);
      const versions = await t.gql<{ article: { versions: { version: number; title: string }[] } }>(
        'query ($id: ID!) { article(id: $id) { versions { version title } } }',
        { id: ids.mail },
        tokens.admin,
      );
      expect(versions.data?.article.versions).toEqual([
        { version: 2, title: 'Почта и рассылки' },
        { version: 1, title: 'Почта сайта не доходит' },
      ]);
      await t.gql('mutation ($id: ID!) { publishArticle(id: $id) { __typename } }', { id: ids.mail }, tokens.admin);
    });

    it('should refuse an organization article without its organization', async () => {
      const answer = await t.gql<{ createArticle: { code: string; field: string } }>(
        `mutation { createArticle(input: { title: "x", body: "y", visibility: ORGANIZATION }) { ${articleFields} } }`,
        {},
        tokens.admin,
      );
      expect(answer.data?.createArticle).toMatchObject({ code: 'INVALID_INPUT', field: 'organizationId' });
    });

    it('should delete an article and its search entry', async () => {
      await write('gone', { title: 'Удаляемая статья про кактусы', body: 'Кактусы.' });
      expect(await search('кактус')).toEqual(['gone']);
      const answer = await t.gql<{ deleteArticle: { deletedId: string } }>(
        'mutation ($id: ID!) { deleteArticle(id: $id) { ... on ArticleDeleted { deletedId } } }',
        { id: ids.gone },
        tokens.admin,
      );
      expect(answer.data?.deleteArticle.deletedId).toBe(ids.gone);
      expect(await search('кактус', tokens.admin)).toEqual([]);
    });
  });

  describe('feedback', () => {
    it('should count views, answers and deflections per article and per month', async () => {
      const visitor = { origin: 'https://flowers.example' };
      const call = (mutation: string, extra = '') =>
        t.gql(
          `mutation ($id: ID!) { ${mutation}(id: $id${extra}) { __typename } }`,
          { id: ids.ssl },
          undefined,
          visitor,
        );
      expect((await call('recordArticleView')).data).toEqual({
        recordArticleView: { __typename: 'ArticleEventRecorded' },
      });
      await call('recordArticleView');
      await call('recordArticleFeedback', ', helpful: true');
      await call('recordArticleFeedback', ', helpful: false');
      await call('recordArticleDeflection');
      const month = new Date().toISOString().slice(0, 7);
      const stats = await t.gql<{ article: Record<string, unknown> }>(
        'query ($id: ID!) { article(id: $id) { views helpfulYes helpfulNo deflections monthStats { month views helpfulYes helpfulNo deflections } } }',
        { id: ids.ssl },
        tokens.admin,
      );
      expect(stats.data?.article).toEqual({
        views: 2,
        helpfulYes: 1,
        helpfulNo: 1,
        deflections: 1,
        monthStats: [{ month, views: 2, helpfulYes: 1, helpfulNo: 1, deflections: 1 }],
      });
      const hidden = await t.gql<{ article: Record<string, unknown> }>(
        'query ($id: ID!) { article(id: $id) { title views monthStats { month } } }',
        { id: ids.ssl },
      );
      expect(hidden.data?.article).toEqual({
        title: 'Сертификат SSL истёк: что делать',
        views: null,
        monthStats: null,
      });
    });

    it('should not count anything for an article the caller may not read', async () => {
      const answer = await t.gql<{ recordArticleView: { code: string } }>(
        'mutation ($id: ID!) { recordArticleView(id: $id) { ... on DomainError { code } } }',
        { id: ids['staff-only'] },
      );
      expect(answer.data?.recordArticleView).toEqual({ code: 'NOT_FOUND' });
    });
  });

  describe('articles from tickets and in replies', () => {
    it('should start a draft from a resolved ticket’s question and the staff’s answer', async () => {
      const { db } = t.database;
      const ticket = await db.ticket.findFirstOrThrow({ where: { status: 'RESOLVED', organizationId: { not: null } } });
      await db.message.create({
        data: { ticketId: ticket.id, body: 'Очистите кэш браузера.', authorKind: 'STAFF', source: 'STAFF' },
      });
      await db.message.create({
        data: { ticketId: ticket.id, body: 'Секретная заметка', authorKind: 'STAFF', source: 'STAFF', internal: true },
      });
      const answer = await t.gql<{
        createArticleFromTicket: { status: string; draftBody: string; visibility: string; title: string };
      }>(
        'mutation ($id: ID!) { createArticleFromTicket(ticketId: $id) { ... on Article { status title visibility draftBody } } }',
        { id: globalId('Ticket', ticket.id) },
        tokens.admin,
      );
      const article = answer.data?.createArticleFromTicket;
      expect(article).toMatchObject({ status: 'DRAFT', title: ticket.title, visibility: 'ORGANIZATION' });
      expect(article?.draftBody).toContain(ticket.description.trim());
      expect(article?.draftBody).toContain('Очистите кэш браузера.');
      expect(article?.draftBody).not.toContain('Секретная заметка');

      const open = await db.ticket.findFirstOrThrow({ where: { status: 'NEW' } });
      const refused = await t.gql<{ createArticleFromTicket: { code: string } }>(
        'mutation ($id: ID!) { createArticleFromTicket(ticketId: $id) { ... on DomainError { code } } }',
        { id: globalId('Ticket', open.id) },
        tokens.admin,
      );
      expect(refused.data?.createArticleFromTicket).toEqual({ code: 'INVALID_INPUT' });
    });

    it('should show the articles a staff reply cites as links, to the client only those it may read, public ones as pages', async () => {
      const { db } = t.database;
      const org = await db.organization.findUniqueOrThrow({ where: { id: rawId(flowersOrg) } });
      const ticket = await db.ticket.findFirstOrThrow({ where: { organizationId: org.id, status: 'NEW' } });
      const reply = await t.gql<{ replyToTicket: { __typename: string } }>(
        `mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename ... on DomainError { code } } }`,
        {
          i: {
            ticketId: globalId('Ticket', ticket.id),
            body: `Вот инструкция. Ещё см. [[article:${ids['staff-only']}]]`,
            idempotencyKey: 'cite-reply-1',
            articleIds: [ids.payment, ids['flowers-only']],
          },
        },
        tokens.admin,
      );
      expect(reply.data?.replyToTicket).toEqual({ __typename: 'TicketPayload' });
      const thread = (token?: string) =>
        t.gql<{ ticket: { messages: { body: string; citedArticles: { title: string; url: string }[] }[] } }>(
          'query ($id: ID!) { ticket(id: $id) { messages { body citedArticles { title url } } } }',
          { id: globalId('Ticket', ticket.id) },
          token,
        );
      const cited = async (token?: string) =>
        (await thread(token)).data?.ticket.messages.find((m) => m.body.startsWith('Вот инструкция'))?.citedArticles;
      expect((await cited(tokens.flowers))?.map((a) => a.title)).toEqual([
        'Как оплатить счёт за поддержку',
        'Оплата доставки цветов в админке магазина',
      ]);
      expect((await cited(tokens.admin))?.map((a) => a.title)).toHaveLength(3);
      expect((await cited(tokens.flowers))?.[0]?.url).toMatch(/^http:\/\/.+\/kb\/ru\/kak-oplatit-schet-za-podderzhku$/);

      const page = await t.app.yoga.fetch(`http://localhost/kb/ru/kak-oplatit-schet-za-podderzhku`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<h1>Как оплатить счёт за поддержку</h1>');
      expect(html).toContain('<p>Оплата принимается картой');
      const organizationOnly = await t.database.db.article.findUniqueOrThrow({
        where: { id: rawId(ids['flowers-only'] ?? '') },
      });
      const hiddenPage = await t.app.yoga.fetch(`http://localhost/kb/ru/${organizationOnly.slug}`);
      expect(hiddenPage.status).toBe(404);

      const unknown = await t.gql<{ replyToTicket: { code: string; field: string } }>(
        `mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { ... on DomainError { code field } } }`,
        {
          i: {
            ticketId: globalId('Ticket', ticket.id),
            body: 'нет такой',
            idempotencyKey: 'cite-reply-2',
            articleIds: [ids.draft],
          },
        },
        tokens.admin,
      );
      expect(unknown.data?.replyToTicket).toEqual({ code: 'NOT_FOUND', field: 'articleIds' });
    });
  });
});
