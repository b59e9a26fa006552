import * as canned from './locales/canned.ts';
import * as clients from './locales/clients.ts';
import * as desk from './locales/desk.ts';
import * as kb from './locales/kb.ts';
import * as money from './locales/money.ts';
import * as monitoring from './locales/monitoring.ts';
import * as queue from './locales/queue.ts';
import * as settings from './locales/settings.ts';
import * as split from './locales/split.ts';
import * as staff from './locales/staff.ts';
import * as statistics from './locales/statistics.ts';
import * as studioSettings from './locales/studio-settings.ts';
import * as ticket from './locales/ticket.ts';

/**
 * The console's words, in Russian and English; the browser's language picks, the header switches.
 * Each part keeps its words in its own file under `locales/`, English and Russian side by side.
 */
const en = {
  ...desk.en,
  ...queue.en,
  ...ticket.en,
  ...canned.en,
  ...split.en,
  ...monitoring.en,
  ...clients.en,
  ...kb.en,
  ...money.en,
  ...statistics.en,
  ...settings.en,
  ...studioSettings.en,
  ...staff.en,
};
type Key = keyof typeof en;
const ru: Record<Key, string> = {
  ...desk.ru,
  ...queue.ru,
  ...ticket.ru,
  ...canned.ru,
  ...split.ru,
  ...monitoring.ru,
  ...clients.ru,
  ...kb.ru,
  ...money.ru,
  ...statistics.ru,
  ...settings.ru,
  ...studioSettings.ru,
  ...staff.ru,
};
export type Locale = 'ru' | 'en';
export type StringKey = Key;

export const browserLocale = (): Locale => (navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en');

export function translate(locale: Locale) {
  const table: Record<Key, string> = locale === 'ru' ? ru : en;
  return (key: Key, values: Record<string, string | number> = {}) =>
    table[key].replace(/\{(\w+)\}/g, (_all, name: string) => String(values[name] ?? ''));
}

export type Translate = ReturnType<typeof translate>;
