import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { readStored, writeStored } from '../storage';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';
export { vi } from './vi';
export { en } from './en';

export const langs = ['vi', 'en'] as const;
export type Lang = (typeof langs)[number];
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const LANG_KEY = 'qms.lang';
const tables: Record<Lang, Record<MessageKey, string>> = { vi, en };

function isLang(v: unknown): v is Lang {
  return v === 'vi' || v === 'en';
}

let current: Lang | null = null;
const listeners = new Set<() => void>();

export function getLang(): Lang {
  if (current === null) {
    const stored = readStored(LANG_KEY);
    current = isLang(stored) ? stored : 'vi';
  }
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  writeStored(LANG_KEY, lang);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

/** The message in `lang`, with `{name}` placeholders filled; falls back to Vietnamese, then the key. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = tables[lang][key] ?? vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Translate in the current language (outside React; components should use `useLang().t`). */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(getLang(), key, params);
}

/** The current language, a setter, and a `t` bound to it; every user re-renders on a switch. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void; t: Translate } {
  const lang = useSyncExternalStore(subscribe, getLang, () => 'vi' as Lang);
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);
  const bound = useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
  return { lang, setLang, t: bound };
}
