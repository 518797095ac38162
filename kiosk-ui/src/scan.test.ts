import { describe, expect, it } from 'vitest';
import { codeFromScan, createScanBuffer } from './scan';

describe('booking code from a scanner', () => {
  it('reads the bare code, the booking link of the QR code, and lower case', () => {
    expect(codeFromScan('AC3467')).toBe('AC3467');
    expect(codeFromScan('http://192.168.1.10:8080/book/?code=XY7K9M')).toBe('XY7K9M');
    expect(codeFromScan('http://192.168.1.10:8080/book/?code=xy7k9m&lang=en')).toBe('XY7K9M');
    expect(codeFromScan('http://192.168.1.10:8080/b/PQ34RT')).toBe('PQ34RT');
    expect(codeFromScan(' ac3467 ')).toBe('AC3467');
  });

  it('refuses what is not a code: ambiguous letters, wrong length, nothing', () => {
    expect(codeFromScan('AB1O4S')).toBeNull();
    expect(codeFromScan('AC3462')).toBeNull();
    expect(codeFromScan('AC346')).toBeNull();
    expect(codeFromScan('AC34675')).toBeNull();
    expect(codeFromScan('')).toBeNull();
    expect(codeFromScan('http://x/book/')).toBeNull();
  });

  it('a scan is everything typed since the last Enter, with no timing', () => {
    const b = createScanBuffer();
    expect(b.key('Shift')).toBeNull();
    for (const k of 'AC3467') expect(b.key(k)).toBeNull();
    expect(b.key('Enter')).toBe('AC3467');
    expect(b.key('Enter')).toBeNull();
    b.key('Z');
    b.clear();
    for (const k of 'XY7K9M') b.key(k);
    expect(b.key('Enter')).toBe('XY7K9M');
  });
});
