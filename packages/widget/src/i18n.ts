import { env } from './env.ts';
import type { Locale } from './launcher.ts';

/** The two languages of the widget; each is its own small chunk, and only the one in use loads. */
export type { Locale };
export type Strings = import('./locales/en.ts').Strings & Partial<import('./locales/en-tickets.ts').TicketStrings>;
export type StringKey = keyof Strings;

const loaded: Partial<Record<Locale, Strings>> = {};

/** Adds the strings of a lazily loaded part. */
export function addStrings(locale: Locale, strings: Partial<Strings>): void {
  loaded[locale] = { ...(loaded[locale] as Strings), ...strings };
}
const loaders: Record<Locale, () => Promise<{ strings: Partial<Strings> }>> = {
  en: () => import('./locales/en.ts'),
  ru: () => import('./locales/ru.ts'),
};

/** Loads one locale's strings (once). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (!loaded[locale]) addStrings(locale, (await loaders[locale]()).strings);
}

/** Whether a locale's strings are here already. */
export const isLoaded = (locale: Locale): boolean => Boolean(loaded[locale]);

/** ru for Russian pages or browsers, en otherwise; an explicit choice wins (the loader's rule). */
export const pickLocale = (explicit?: string | null): Locale => env.pickLocale(explicit);

/** A translator for a loaded locale; `{name}` placeholders are filled from `values`. */
export function translator(locale: Locale) {
  const table = loaded[locale];
  return (key: StringKey, values: Record<string, string | number> = {}) =>
    (table?.[key] ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export type Translate = ReturnType<typeof translator>;
