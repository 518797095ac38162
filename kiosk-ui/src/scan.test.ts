import { describe, expect, it } from 'vitest';
import { codeFromScan, createScanBuffer } from './scan';

describe('booking code from a scanner', () => {
  it('reads the bare code, the booking link of the QR code, and lower case', () => {
    expect(codeFromScan('ABC234')).toBe('ABC234');
    expect(codeFromScan('http://192.168.1.10:8080/book/?code=XY7K2M')).toBe('XY7K2M');
    expect(codeFromScan('http://192.168.1.10:8080/book/?code=xy7k2m&lang=en')).toBe('XY7K2M');
    expect(codeFromScan('http://192.168.1.10:8080/b/PQ34RT')).toBe('PQ34RT');
    expect(codeFromScan(' abc234 ')).toBe('ABC234');
  });

  it('refuses what is not a code: ambiguous letters, wrong length, nothing', () => {
    expect(codeFromScan('ABC1O4')).toBeNull();
    expect(codeFromScan('ABC23')).toBeNull();
    expect(codeFromScan('ABC2345')).toBeNull();
    expect(codeFromScan('')).toBeNull();
    expect(codeFromScan('http://x/book/')).toBeNull();
  });

  it('a scan is everything typed since the last Enter, with no timing', () => {
    const b = createScanBuffer();
    expect(b.key('Shift')).toBeNull();
    for (const k of 'ABC234') expect(b.key(k)).toBeNull();
    expect(b.key('Enter')).toBe('ABC234');
    expect(b.key('Enter')).toBeNull();
    b.key('Z');
    b.clear();
    for (const k of 'XY7K2M') b.key(k);
    expect(b.key('Enter')).toBe('XY7K2M');
  });
});
