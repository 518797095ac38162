// Tone marks and vowel marks in Telex order, the way Vietnamese is typed on every keyboard here.
const TONES: Record<string, string> = { '\u0300': 'f', '\u0301': 's', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };
const MARKS: Record<string, string> = { '\u0302': '*', '\u0306': 'w', '\u031b': 'w' };

/**
 * The clip file name (without extension) of a Vietnamese word: its Telex spelling in ASCII, the tone key
 * last, e.g. "mời" → "mowif", "quầy" → "quaayf", "đến" → "ddeens", "lẻ" → "ler". Lossless, so two words
 * never share a clip, and any Vietnamese typist can name a recorded clip.
 */
export function clipName(word: string): string {
  let tone = '';
  let out = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (TONES[ch]) tone = TONES[ch];
    else if (MARKS[ch] === '*') out += out.slice(-1); // â ê ô: the vowel doubled
    else if (MARKS[ch]) out += MARKS[ch];
    else if (ch === 'đ') out += 'dd';
    else if (/[a-z0-9]/.test(ch)) out += ch;
  }
  return out + tone;
}
