import { describe, expect, it } from 'vitest';
import { en } from './i18n/en';
import { vi as viMessages } from './i18n/vi';
import { translate } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  it('en has exactly the keys of vi', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(viMessages).sort());
  });

  it('no message is empty and both languages use the same placeholders', () => {
    for (const key of Object.keys(viMessages) as (keyof typeof viMessages)[]) {
      expect(viMessages[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(viMessages[key]));
    }
  });

  it('Vietnamese text is real UTF-8 with diacritics, in NFC', () => {
    expect(viMessages['kiosk.title']).toBe('Lấy số thứ tự');
    expect(viMessages['word.counter']).toBe('Quầy');
    expect(viMessages['word.waiting']).toBe('Đang chờ');
    expect(viMessages['conn.lost']).toBe('Mất kết nối máy chủ — đang thử kết nối lại…');
    for (const text of Object.values(viMessages)) expect(text).toBe(text.normalize('NFC'));
  });

  it('translate fills placeholders', () => {
    expect(translate('vi', 'waiting.count', { n: 12 })).toBe('Đang chờ: 12');
    expect(translate('en', 'counter.label', { n: 3 })).toBe('Counter 3');
  });
});
