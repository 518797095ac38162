import { clipName } from './clip-names';
import { readTicketNumber, readWhole, type ReadingOptions } from './number-reading';

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

/** The words said for one call, once, e.g. ["xin", "mời", …, "một", "nghìn", …, "đến", "quầy", "số", "ba"]. */
export function announcementWords(a: Omit<AnnouncementInput, 'repeat'>): string[] {
  return a.template.split(/(\{number\}|\{counter\})/).flatMap((part) => {
    if (part === '{number}') return readTicketNumber(a.ticketNumber, a.reading);
    if (part === '{counter}') return readWhole(a.counterNumber, { ...a.reading, mode: 'whole' });
    return part
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .flatMap((w) => (/^\d+$/.test(w) && w.length <= 12 ? readWhole(Number(w), a.reading) : [w]));
  });
}

/** The clip sequence of one call: the chime, then the sentence `repeat` times with a pause between. */
export function announcementClips(a: AnnouncementInput): string[] {
  const sentence = announcementWords(a).map(clipName);
  const repeat = Math.min(5, Math.max(1, Math.round(a.repeat)));
  const clips = [CHIME];
  for (let i = 0; i < repeat; i++) {
    if (i > 0) clips.push(PAUSE);
    clips.push(...sentence);
  }
  return clips;
}
