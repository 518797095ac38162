import { clipName } from './clip-names';
import { readDigits, readTicketNumber, readWhole, type ReadingOptions } from './number-reading';

export const CHIME = 'chime';
/** Silence between two repetitions of one announcement; made by the player, not a file. */
export const PAUSE = '_pause';

export const DEFAULT_TEMPLATE = 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}';

export interface AnnouncementInput {
  ticketNumber: string;
  counterNumber: number;
  /** Words with `{number}` and `{counter}` where the ticket and counter numbers are read. */
  template: string;
  /** How many times the sentence is said after the chime (1–5). */
  repeat: number;
  reading: ReadingOptions;
}

/**
 * A stretch of the sentence, as clip names. A number has `digits`, the same number read one character at a
 * time: a number missing a clip is never said as a shorter, wrong one ("hai mươi" for 21).
 */
export interface Segment {
  clips: string[];
  digits?: string[];
}

interface WordSegment {
  words: string[];
  digits?: string[];
}

function sentenceWords(a: Omit<AnnouncementInput, 'repeat'>): WordSegment[] {
  return a.template.split(/(\{number\}|\{counter\})/).flatMap((part): WordSegment[] => {
    if (part === '{number}') return [{ words: readTicketNumber(a.ticketNumber, a.reading), digits: readDigits(a.ticketNumber) }];
    if (part === '{counter}') return [{ words: readWhole(a.counterNumber, { ...a.reading, mode: 'whole' }), digits: readDigits(String(a.counterNumber)) }];
    return part
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((w) => (/^\d+$/.test(w) && w.length <= 12 ? { words: readWhole(Number(w), a.reading), digits: readDigits(w) } : { words: [w] }));
  });
}

/** The words said for one call, once, e.g. ["xin", "mời", …, "một", "nghìn", …, "đến", "quầy", "số", "ba"]. */
export function announcementWords(a: Omit<AnnouncementInput, 'repeat'>): string[] {
  return sentenceWords(a).flatMap((s) => s.words);
}

/** The sentence of one call as clips, its numbers marked (see `Segment`). */
export function announcementSentence(a: Omit<AnnouncementInput, 'repeat'>): Segment[] {
  return sentenceWords(a).map((s) => (s.digits ? { clips: s.words.map(clipName), digits: s.digits.map(clipName) } : { clips: s.words.map(clipName) }));
}

/** How many times the sentence is said: `repeat` kept within 1–5. */
export const repeatCount = (repeat: number) => Math.min(5, Math.max(1, Math.round(repeat)));

/** The chime, then the sentence `repeat` (1–5) times with a pause between. */
export function repeated(sentence: string[], repeat: number): string[] {
  const clips = [CHIME];
  for (let i = 0; i < repeatCount(repeat); i++) {
    if (i > 0) clips.push(PAUSE);
    clips.push(...sentence);
  }
  return clips;
}

/** The clip sequence of one call: the chime, then the sentence `repeat` times with a pause between. */
export function announcementClips(a: AnnouncementInput): string[] {
  return repeated(announcementSentence(a).flatMap((s) => s.clips), a.repeat);
}
