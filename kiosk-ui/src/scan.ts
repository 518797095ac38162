import { appointmentCodeAlphabet, appointmentCodeLength } from '@qms/protocol';

const codePattern = new RegExp(`^[${appointmentCodeAlphabet}]{${appointmentCodeLength}}$`);

/**
 * The booking code in what a scanner typed: the bare code, or the booking page's address from the QR code
 * (`…/book/?code=ABC234`, `…/b/ABC234`). A scanner set to a shifted layout may send lower case. Null when
 * nothing in it is a code.
 */
export function codeFromScan(typed: string): string | null {
  const text = typed.trim().toUpperCase();
  const query = /[?&]CODE=([A-Z0-9]+)/.exec(text);
  const candidate = query ? query[1]! : (text.split(/[^A-Z0-9]+/).filter(Boolean).pop() ?? '');
  return codePattern.test(candidate) ? candidate : null;
}

/**
 * Collects the keystrokes of a USB barcode/QR scanner (it acts as a keyboard: the characters, then Enter).
 * No timing is used (a slow PC must not lose a scan): everything since the last Enter is the scan. Returns
 * what was scanned on Enter, else null.
 */
export function createScanBuffer(max = 300) {
  let typed = '';
  return {
    key(key: string): string | null {
      if (key === 'Enter') {
        const done = typed;
        typed = '';
        return done.length > 0 ? done : null;
      }
      if (key.length === 1) typed = (typed + key).slice(-max);
      return null;
    },
    clear() {
      typed = '';
    },
  };
}
