/**
 * Words of knowledge-base articles and of what a visitor types, reduced to stems, so that
 * "оплата", "оплатить" and "оплаты" (or "payment" and "payments") find each other on a
 * database without a stemmer of its own (SQLite's FTS5). PostgreSQL stems with its own
 * `russian` configuration, which follows the same Snowball rules.
 */

export const articleLocales = ['ru', 'en'] as const;
export type ArticleLocale = (typeof articleLocales)[number];

/** Longest query taken into account, and the most words of it. */
export const searchQueryMaxLength = 200;
export const searchQueryMaxWords = 8;

const vowels = 'аеиоуыэюя';
const isVowel = (c: string | undefined) => c !== undefined && vowels.includes(c);

function endingOf(word: string, from: number, endings: readonly string[], after?: string): string | null {
  // Longest ending first; `after` asks for one of these letters just before the ending.
  let best: string | null = null;
  for (const ending of endings) {
    if (!word.endsWith(ending)) continue;
    const start = word.length - ending.length;
    if (start < from) continue;
    if (after !== undefined && !after.includes(word[start - 1] ?? '')) continue;
    if (best === null || ending.length > best.length) best = ending;
  }
  return best;
}

function removeEither(word: string, from: number, group1: readonly string[], group2: readonly string[]): string | null {
  const one = endingOf(word, from + 1, group1, 'ая');
  const two = endingOf(word, from, group2);
  const ending = [one, two].filter((e): e is string => e !== null).sort((a, b) => b.length - a.length)[0];
  return ending === undefined ? null : word.slice(0, word.length - ending.length);
}

const gerund1 = ['в', 'вши', 'вшись'];
const gerund2 = ['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись'];
const adjective = [
  'ее',
  'ие',
  'ые',
  'ое',
  'ими',
  'ыми',
  'ей',
  'ий',
  'ый',
  'ой',
  'ем',
  'им',
  'ым',
  'ом',
  'его',
  'ого',
  'ему',
  'ому',
  'их',
  'ых',
  'ую',
  'юю',
  'ая',
  'яя',
  'ою',
  'ею',
];
const participle1 = ['ем', 'нн', 'вш', 'ющ', 'щ'];
const participle2 = ['ивш', 'ывш', 'ующ'];
const verb1 = ['ла', 'на', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'н', 'ло', 'но', 'ет', 'ют', 'ны', 'ть', 'ешь', 'нно'];
const verb2 = [
  'ила',
  'ыла',
  'ена',
  'ейте',
  'уйте',
  'ите',
  'или',
  'ыли',
  'ей',
  'уй',
  'ил',
  'ыл',
  'им',
  'ым',
  'ен',
  'ило',
  'ыло',
  'ено',
  'ят',
  'ует',
  'уют',
  'ит',
  'ыт',
  'ены',
  'ить',
  'ыть',
  'ишь',
  'ую',
  'ю',
];
const noun = [
  'а',
  'ев',
  'ов',
  'ие',
  'ье',
  'е',
  'иями',
  'ями',
  'ами',
  'еи',
  'ии',
  'и',
  'ией',
  'ей',
  'ой',
  'ий',
  'й',
  'иям',
  'ям',
  'ием',
  'ем',
  'ам',
  'ом',
  'о',
  'у',
  'ах',
  'иях',
  'ях',
  'ы',
  'ь',
  'ию',
  'ью',
  'ю',
  'ия',
  'ья',
  'я',
];

/** The Snowball Russian stemmer (RV, R2, the four steps), for one lower-case word with е for ё. */
export function stemRussian(word: string): string {
  let rv = 0;
  while (rv < word.length && !isVowel(word[rv])) rv++;
  rv++;
  if (rv >= word.length) return word;
  // R2: after the second vowel–consonant pair.
  let r1 = word.length;
  for (let i = 1; i < word.length; i++)
    if (!isVowel(word[i]) && isVowel(word[i - 1])) {
      r1 = i + 1;
      break;
    }
  let r2 = word.length;
  for (let i = r1 + 1; i < word.length; i++)
    if (!isVowel(word[i]) && isVowel(word[i - 1])) {
      r2 = i + 1;
      break;
    }

  let w = word;
  const gerund = removeEither(w, rv, gerund1, gerund2);
  if (gerund !== null) w = gerund;
  else {
    const reflexive = endingOf(w, rv, ['ся', 'сь']);
    if (reflexive) w = w.slice(0, -reflexive.length);
    const adj = endingOf(w, rv, adjective);
    if (adj) {
      w = w.slice(0, -adj.length);
      const part = removeEither(w, rv, participle1, participle2);
      if (part !== null) w = part;
    } else {
      const verb = removeEither(w, rv, verb1, verb2);
      if (verb !== null) w = verb;
      else {
        const n = endingOf(w, rv, noun);
        if (n) w = w.slice(0, -n.length);
      }
    }
  }
  if (w.endsWith('и') && w.length - 1 >= rv) w = w.slice(0, -1);
  const derivational = endingOf(w, r2, ['ост', 'ость']);
  if (derivational) w = w.slice(0, -derivational.length);
  const superlative = endingOf(w, rv, ['ейш', 'ейше']);
  if (superlative) w = w.slice(0, -superlative.length);
  if (w.endsWith('нн') && w.length - 2 >= rv) w = w.slice(0, -1);
  else if (w.endsWith('ь') && w.length - 1 >= rv) w = w.slice(0, -1);
  return w;
}

/** A light English stemmer: plurals, -ing, -ed, -ly (enough for prefix search to meet). */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 3 && w.at(-1) === w.at(-2) && !'lsz'.includes(w.at(-1) ?? '')) w = w.slice(0, -1);
  return w;
}

/** Lower-case words of a text, ё as е, letters and digits only. */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replaceAll('ё', 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export function stem(word: string): string {
  if (/[а-я]/.test(word)) return stemRussian(word);
  if (/^[a-z]+$/.test(word)) return stemEnglish(word);
  return word;
}

/** The text stored in SQLite's index: each word's stem. */
export function indexedText(text: string): string {
  return wordsOf(text).map(stem).join(' ');
}

/** The words of a query, at most `searchQueryMaxWords` of them, empty when there is nothing to look for. */
export function queryWords(query: string): string[] {
  return wordsOf(query.slice(0, searchQueryMaxLength)).slice(0, searchQueryMaxWords);
}

/**
 * An FTS5 query: every word's stem as a prefix (type-ahead), all required, in the titles only
 * when asked. Stems hold only letters and digits, and each is quoted, so nothing typed is
 * read as FTS5 syntax.
 */
export function ftsQuery(words: readonly string[], titlesOnly = false): string {
  const terms = words.map((word) => `"${stem(word)}"*`).join(' ');
  return titlesOnly ? `title : (${terms})` : terms;
}

/** A PostgreSQL tsquery text: every word as a prefix, all required (the configuration stems). */
export function tsQuery(words: readonly string[]): string {
  return words.map((word) => `${word}:*`).join(' & ');
}

/** Edit distance counting a swap of two neighbours as one typo (optimal string alignment), capped past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? max + 1;
}

/** How many typos a word of this length may carry and still be recognised. */
export function typosAllowed(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** A URL-friendly name for an article, transliterating Russian. */
export function slugOf(title: string): string {
  const table: Record<string, string> = {
    а: 'a',
    б: 'b',
    в: 'v',
    г: 'g',
    д: 'd',
    е: 'e',
    ж: 'zh',
    з: 'z',
    и: 'i',
    й: 'y',
    к: 'k',
    л: 'l',
    м: 'm',
    н: 'n',
    о: 'o',
    п: 'p',
    р: 'r',
    с: 's',
    т: 't',
    у: 'u',
    ф: 'f',
    х: 'h',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'sch',
    ъ: '',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'yu',
    я: 'ya',
  };
  const latin = [...title.toLowerCase().replaceAll('ё', 'е')].map((c) => table[c] ?? c).join('');
  return (
    latin
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'article'
  );
}

/** Words too common to look for (PostgreSQL's configuration drops its own; these match on SQLite too). */
export const stopWords: ReadonlySet<string> = new Set([
  ...['и', 'в', 'во', 'не', 'что', 'он', 'на', 'я', 'с', 'со', 'как', 'а', 'то', 'все', 'она', 'так', 'его', 'но'],
  ...['да', 'ты', 'к', 'у', 'же', 'вы', 'за', 'бы', 'по', 'ее', 'мне', 'было', 'вот', 'от', 'меня', 'еще', 'нет'],
  ...['о', 'из', 'ему', 'когда', 'даже', 'ну', 'ли', 'если', 'или', 'ни', 'быть', 'был', 'до', 'вас', 'уже', 'для'],
  ...['мы', 'их', 'чтобы', 'где', 'есть', 'надо', 'при', 'это', 'этот', 'почему', 'можно', 'мой', 'наш', 'ваш'],
  ...['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'is', 'are', 'be', 'it', 'my', 'our', 'your'],
  ...['how', 'what', 'why', 'do', 'does', 'can', 'i', 'we', 'you', 'with', 'at', 'by', 'from', 'this', 'that'],
]);
