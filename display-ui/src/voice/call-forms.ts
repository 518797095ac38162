import { announcementSentence, type AnnouncementInput } from './announcement';

/** What is said of a call in a rush: the number and the counter only. */
export const BRIEF_TEMPLATE = '{number} quầy {counter}';

/** The three ways a call can be said (see `Call` in player.ts): the manager's sentence, brief, brief digit by digit. */
export function callForms(a: Omit<AnnouncementInput, 'repeat'>) {
  return {
    sentence: announcementSentence(a),
    brief: announcementSentence({ ...a, template: BRIEF_TEMPLATE }),
    briefDigits: announcementSentence({ ...a, template: BRIEF_TEMPLATE, reading: { ...a.reading, mode: 'digits' } }),
  };
}
