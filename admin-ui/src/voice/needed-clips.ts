import { announcementWords } from '../../../display-ui/src/voice/announcement';
import { clipName } from '../../../display-ui/src/voice/clip-names';
import { LETTERS, readWhole, type ReadingOptions } from '../../../display-ui/src/voice/number-reading';

export type ClipGroup = 'sentence' | 'numbers' | 'letters' | 'counters' | 'variants' | 'chime' | 'fields';

export interface NeededClip {
  /** The file name in the pack, e.g. `mowif`. */
  clip: string;
  /** The word as said, e.g. "mời". */
  word: string;
  group: ClipGroup;
  /** Not said with this center's settings today (the other region's word, a field name, the chime). */
  optional: boolean;
}

export interface CenterVoiceSetup {
  template: string;
  reading: ReadingOptions;
  /** The prefixes of the fields in use (`A`, `B1`, `HT`). */
  prefixes: string[];
  counterNumbers: number[];
  /** Names of the fields, for a template that says them (optional clips). */
  fieldNames: string[];
}

const NUMBER_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mươi', 'mốt', 'lăm', 'tư', 'trăm'];

/**
 * Every clip the announcer needs for this center: the words of the call sentence, the number words (with the
 * region's word for thousand and for the zero tens; the other region's listed as optional), the letters of the
 * prefixes in use, the counters' numbers; then optional clips: the chime and the words of the field names. Each word
 * once, in the first group that needs it.
 */
export function neededClips(s: CenterVoiceSetup): NeededClip[] {
  const out: NeededClip[] = [];
  const seen = new Set<string>();
  const add = (word: string, group: ClipGroup, optional = false) => {
    const clip = clipName(word);
    if (!clip || seen.has(clip)) return;
    seen.add(clip);
    out.push({ clip, word, group, optional });
  };
  // The sentence with placeholders read as nothing: its own words (numbers written in it become number words).
  for (const w of announcementWords({ ticketNumber: '', counterNumber: 0, template: s.template.replace(/\{(number|counter)\}/g, ' '), reading: s.reading })) add(w, 'sentence');
  add('quầy', 'sentence');
  for (const w of [...NUMBER_WORDS, s.reading.thousand, s.reading.zeroTens]) add(w, 'numbers');
  for (const p of s.prefixes) {
    for (const ch of p.toUpperCase()) for (const w of (LETTERS[ch] ?? '').split(' ').filter(Boolean)) add(w, 'letters');
  }
  for (const n of s.counterNumbers) for (const w of readWhole(n, { ...s.reading, mode: 'whole' })) add(w, 'counters');
  add(s.reading.thousand === 'nghìn' ? 'ngàn' : 'nghìn', 'variants', true);
  add(s.reading.zeroTens === 'linh' ? 'lẻ' : 'linh', 'variants', true);
  out.push({ clip: 'chime', word: 'chuông', group: 'chime', optional: true });
  seen.add('chime');
  for (const name of s.fieldNames) {
    for (const w of name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean)) add(w, 'fields', true);
  }
  return out;
}
