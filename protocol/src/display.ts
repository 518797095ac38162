import { z } from 'zod';

export { DEFAULT_ANNOUNCEMENT, defaultDisplaySettings } from './display-defaults';

/** What the manager sets for the hall displays: the scrolling notice and how calls are announced. */
export const DisplaySettings = z.object({
  /** The scrolling line at the bottom of every hall display; empty hides it. */
  notice: z.string().trim().max(500),
  /** Spoken words with `{number}` (the ticket) and `{counter}` (the counter number). */
  template: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((t) => t.includes('{number}'), { message: 'the template must contain {number}' })
    .refine((t) => !/[{}]/.test(t.replace(/\{number\}|\{counter\}/g, '')), { message: 'only {number} and {counter} may stand in braces' }),
  /** How many times the sentence is said after the chime. */
  repeat: z.number().int().min(1).max(5),
  /** Read a ticket number whole ("một nghìn không trăm linh ba") or digit by digit ("một không không ba"). */
  reading: z.enum(['whole', 'digits']),
  thousandWord: z.enum(['nghìn', 'ngàn']),
  zeroTensWord: z.enum(['linh', 'lẻ']),
  /** Sound on or off for every display (a quiet hall, a meeting). */
  sound: z.boolean(),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;

/** A change to some of the settings; the rest keep their value. */
export const DisplaySettingsPatch = DisplaySettings.partial().strict();
