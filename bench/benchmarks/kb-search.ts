import { createDb, migrate } from '@caredesk/schema/db';
import { searchArticles } from '@caredesk/schema/services';
import { indexedText } from '../../packages/schema/src/domain/article-search.ts';
import { emptyTarget } from '../../packages/schema/src/testing/test-databases.ts';
import { BetterSqlite } from '../lib/deps.ts';

const sqliteDate = (date: Date) => date.toISOString().replace('Z', '+00:00');

// Words of a studio's support articles; an article is a deterministic mix of them.
const ru = [
  'оплата',
  'оплатить',
  'счёт',
  'счета',
  'хостинг',
  'домен',
  'продление',
  'сертификат',
  'почта',
  'ящик',
  'письма',
  'сайт',
  'страница',
  'ошибка',
  'загрузка',
  'медленно',
  'корзина',
  'заказ',
  'доставка',
  'каталог',
  'товары',
  'изображения',
  'резервная',
  'копия',
  'восстановление',
  'пароль',
  'доступ',
  'админка',
  'пользователи',
  'роли',
  'форма',
  'заявка',
  'уведомления',
  'интеграция',
  'оплаты',
  'касса',
  'чек',
  'налог',
  'отчёт',
  'аналитика',
  'счётчик',
  'поиск',
  'фильтр',
  'мобильная',
  'версия',
  'вёрстка',
  'шрифты',
  'кэш',
  'обновление',
  'плагин',
  'модуль',
  'безопасность',
  'вирус',
  'блокировка',
  'редирект',
  'ссылки',
  'меню',
  'баннер',
  'слайдер',
  'видео',
  'карта',
];
const en = [
  'payment',
  'invoice',
  'hosting',
  'domain',
  'renewal',
  'certificate',
  'mailbox',
  'email',
  'website',
  'page',
  'error',
  'loading',
  'slow',
  'cart',
  'order',
  'delivery',
  'catalog',
  'products',
  'images',
  'backup',
  'restore',
  'password',
  'access',
  'admin',
  'users',
  'roles',
  'form',
  'notifications',
  'integration',
  'checkout',
  'receipt',
  'report',
  'analytics',
  'search',
  'filter',
  'mobile',
  'layout',
  'fonts',
  'cache',
  'update',
  'plugin',
  'security',
];

function article(i: number) {
  const words = i % 3 === 2 ? en : ru;
  const pick = (k: number) => words[(i * 7919 + k * 104_729) % words.length] as string;
  const title = [pick(1), pick(2), pick(3), pick(4)].join(' ');
  const body = Array.from({ length: 120 }, (_, k) => pick(k + 5)).join(' ');
  const visibility = i % 10 === 9 ? 'STAFF' : 'PUBLIC';
  return { id: `kb${i.toString(36).padStart(8, '0')}`, locale: words === en ? 'en' : 'ru', title, body, visibility };
}

/** What a visitor types, keystroke by keystroke from the third letter (the widget waits for three). */
function keystrokes(): { query: string; locale: string }[] {
  const phrases: [string, string][] = [
    ['оплатить счёт за хостинг', 'ru'],
    ['не приходят письма на почту', 'ru'],
    ['сертификат продление домена', 'ru'],
    ['ошибка при загрузке каталога', 'ru'],
    ['восстановление из резервной копии', 'ru'],
    ['payment invoice renewal', 'en'],
    ['restore website from backup', 'en'],
    ['checkout error on mobile', 'en'],
  ];
  const out: { query: string; locale: string }[] = [];
  for (const [phrase, locale] of phrases)
    for (let end = 3; end <= phrase.length; end++)
      if (phrase[end - 1] !== ' ') out.push({ query: phrase.slice(0, end), locale });
  return out;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Type-ahead search over `count` published articles, on SQLite and PostgreSQL. */
export async function kbSearch(count: number, rounds: number): Promise<string> {
  const lines = [
    '## Knowledge-base search (issue #11)',
    '',
    `${count.toLocaleString('en')} published articles (two thirds Russian, one third English, 4-word titles, 120-word bodies); every keystroke of 8 phrases from the third letter, ${rounds} rounds, as an anonymous visitor, first 5, through \`searchArticles\` (the service behind the GraphQL field). Target: p99 under 20 ms.`,
    '',
  ];
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const { target, cleanUp } = emptyTarget(provider);
    try {
      await migrate(target);
      const db = createDb(target);
      try {
        const started = performance.now();
        if (target.provider === 'sqlite') insertSqlite(target.file, count);
        else {
          await insertPostgres(db, count);
          // Statistics, as autovacuum gathers them on a table this size (without them the
          // planner guesses and may pass the GIN indexes by).
          await db.$executeRawUnsafe(`ANALYZE "${target.schema}"."Article"`);
        }
        const loaded = (performance.now() - started) / 1000;
        const audience = { staff: false as const, organizationId: null };
        const queries = keystrokes();
        // Warm-up: statement caches, the vocabulary of titles for typo fixes.
        for (const q of queries) await searchArticles(db, { ...q, first: 5, audience });
        const times: number[] = [];
        let empty = 0;
        for (let round = 0; round < rounds; round++)
          for (const q of queries) {
            const t0 = performance.now();
            const found = await searchArticles(db, { ...q, first: 5, audience });
            times.push(performance.now() - t0);
            if (found.length === 0) empty++;
          }
        const typos: number[] = [];
        for (let round = 0; round < rounds * 10; round++)
          for (const query of ['сертификт', 'восстановлние', 'backpu', 'certifcate']) {
            const t0 = performance.now();
            await searchArticles(db, { query, locale: null, first: 5, audience });
            typos.push(performance.now() - t0);
          }
        times.sort((a, b) => a - b);
        typos.sort((a, b) => a - b);
        lines.push(
          `- ${provider}: **p99 ${percentile(times, 99).toFixed(1)} ms**, p50 ${percentile(times, 50).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms over ${times.length.toLocaleString('en')} keystrokes (${empty} found nothing); a typo fixed from the titles' words: p99 ${percentile(typos, 99).toFixed(1)} ms, p50 ${percentile(typos, 50).toFixed(1)} ms. Loading the articles took ${loaded.toFixed(1)} s.`,
        );
      } finally {
        await db.$disconnect();
      }
    } finally {
      await cleanUp();
    }
  }
  return lines.join('\n');
}

function insertSqlite(file: string, count: number) {
  const sqlite = new BetterSqlite(file);
  try {
    const insert = sqlite.prepare(
      `INSERT INTO "Article" ("id", "slug", "locale", "title", "body", "tags", "visibility", "status", "publishedAt",
        "publishedTitle", "publishedBody", "publishedTags", "version", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, '[]', ?, 'PUBLISHED', ?, ?, ?, '[]', 1, ?, ?)`,
    );
    const index = sqlite.prepare('INSERT INTO "ArticleSearch" ("articleId", "title", "body") VALUES (?, ?, ?)');
    const at = sqliteDate(new Date(Date.UTC(2026, 10, 1)));
    sqlite.transaction(() => {
      for (let i = 0; i < count; i++) {
        const a = article(i);
        insert.run(a.id, a.id, a.locale, a.title, a.body, a.visibility, at, a.title, a.body, at, at);
        index.run(a.id, indexedText(a.title), indexedText(a.body));
      }
    })();
  } finally {
    sqlite.close();
  }
}

async function insertPostgres(db: ReturnType<typeof createDb>, count: number) {
  const publishedAt = new Date(Date.UTC(2026, 10, 1));
  for (let from = 0; from < count; from += 2_000) {
    await db.article.createMany({
      data: Array.from({ length: Math.min(2_000, count - from) }, (_, k) => {
        const a = article(from + k);
        return {
          id: a.id,
          slug: a.id,
          locale: a.locale,
          title: a.title,
          body: a.body,
          visibility: a.visibility as 'PUBLIC' | 'STAFF',
          status: 'PUBLISHED' as const,
          publishedAt,
          publishedTitle: a.title,
          publishedBody: a.body,
          publishedTags: [],
          version: 1,
        };
      }),
    });
  }
}
