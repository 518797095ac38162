/** How a ticket number is read aloud. */
export interface ReadingOptions {
  /** `whole`: "một nghìn không trăm linh ba"; `digits`: "một không không ba". */
  mode: 'whole' | 'digits';
  /** The word for thousand: `nghìn` (North) or `ngàn` (South). */
  thousand: 'nghìn' | 'ngàn';
  /** The word for a zero tens digit before a unit: `linh` (North) or `lẻ` (South). */
  zeroTens: 'linh' | 'lẻ';
}

export const defaultReading: ReadingOptions = { mode: 'whole', thousand: 'nghìn', zeroTens: 'linh' };

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Vietnamese names of the Latin letters, as said when spelling a code ("A" → "a", "B" → "bê"). */
export const LETTERS: Record<string, string> = {
  A: 'a', B: 'bê', C: 'xê', D: 'dê', Đ: 'đê', E: 'e', F: 'ép', G: 'giê', H: 'hát', I: 'i', J: 'gi', K: 'ca', L: 'lờ',
  M: 'mờ', N: 'nờ', O: 'o', P: 'pê', Q: 'quy', R: 'rờ', S: 'ét', T: 'tê', U: 'u', V: 'vê', W: 'vê kép', X: 'ích', Y: 'i dài', Z: 'dét',
};

const digit = (d: number): string => DIGITS[d] ?? 'không';

/** Words for 0–99 after a higher part (`afterHigher`: 5 → "linh năm", 0 → nothing). */
function tensAndUnits(n: number, afterHigher: boolean, o: ReadingOptions): string[] {
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 0) {
    if (unit === 0) return afterHigher ? [] : ['không'];
    return afterHigher ? [o.zeroTens, digit(unit)] : [digit(unit)];
  }
  const head = tens === 1 ? ['mười'] : [digit(tens), 'mươi'];
  if (unit === 0) return head;
  if (unit === 5) return [...head, 'lăm'];
  if (unit === 1 && tens >= 2) return [...head, 'mốt'];
  if (unit === 4 && tens >= 2) return [...head, 'tư'];
  return [...head, digit(unit)];
}

/** Words for 0–999; `full` says "không trăm" when the hundreds digit is zero (a group after a higher one). */
function group(n: number, full: boolean, o: ReadingOptions): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0 && !full) return tensAndUnits(rest, false, o);
  return [digit(hundreds), 'trăm', ...tensAndUnits(rest, true, o)];
}

/** Reads a whole number 0 … 999 999 999 999 in words, e.g. 1003 → ["một", "nghìn", "không", "trăm", "linh", "ba"]. */
export function readWhole(n: number, o: ReadingOptions = defaultReading): string[] {
  if (!Number.isSafeInteger(n) || n < 0 || n > 999_999_999_999) throw new RangeError(`cannot read ${n}`);
  if (n === 0) return ['không'];
  const scales = ['', o.thousand, 'triệu', 'tỷ'];
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] ?? 0;
    if (g === 0) continue;
    words.push(...group(g, words.length > 0, o));
    if (scales[i]) words.push(scales[i] as string);
  }
  return words;
}

/** Reads each character on its own: digits as words, letters by their Vietnamese names. */
export function readDigits(text: string): string[] {
  return [...text.toUpperCase()].flatMap((ch) => {
    if (/\d/.test(ch)) return [digit(Number(ch))];
    const letter = LETTERS[ch];
    return letter ? letter.split(' ') : [];
  });
}

/**
 * Reads a ticket number as it is called: letters of a prefix spelled, then the digits whole or one by one.
 * "1023" → "một nghìn không trăm hai mươi ba"; "A015" → "a mười lăm"; digits mode "1023" → "một không hai ba".
 */
export function readTicketNumber(number: string, o: ReadingOptions = defaultReading): string[] {
  const m = /^([^\d]*)(\d*)$/.exec(number.trim());
  if (!m || o.mode === 'digits' || (m[2] ?? '').length > 12) return readDigits(number);
  const [, letters = '', digits = ''] = m;
  return [...readDigits(letters), ...(digits ? readWhole(Number(digits), o) : [])];
}
