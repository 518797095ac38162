import { z } from 'zod';
import { RatingLevel } from './enums';

/** Where a rating came from: the counter's tablet, the citizen's phone (ticket QR), or a button box. */
export const RatingChannel = z.enum(['tablet', 'phone', 'box']);
export type RatingChannel = z.infer<typeof RatingChannel>;

const Words = { vi: z.string(), en: z.string() };

/** The question as the center configured it: what a tablet, a phone page or a button box offers. */
export const RatingQuestionDto = z.object({
  scale: z.union([z.literal(3), z.literal(4), z.literal(5)]),
  /** Best first. */
  levels: z.array(z.object({ level: RatingLevel, ...Words })),
  reasons: z.array(z.object({ id: z.string(), ...Words })),
  askReasonsFor: z.array(RatingLevel),
  askSeconds: z.number().int(),
  reasonSeconds: z.number().int(),
  thanksSeconds: z.number().int(),
});
export type RatingQuestionDto = z.infer<typeof RatingQuestionDto>;

/** The ticket a counter's rating device should ask about now, if any. */
export const RatingPromptDto = z.object({
  prompt: z
    .object({
      ticketId: z.string(),
      number: z.string(),
      serviceId: z.string(),
      serviceName: z.string(),
      counterId: z.number().int(),
      staffName: z.string().nullable(),
      finishedAt: z.string(),
      /** Seconds left to tap a level (the device's own timer; the server allows a little more). */
      secondsLeft: z.number().int(),
    })
    .nullable(),
});
export type RatingPromptDto = z.infer<typeof RatingPromptDto>;

/** Whether a ticket can be rated from its QR page, and the rating if it was. */
export const TicketRatingDto = z.object({
  ticketId: z.string(),
  number: z.string(),
  status: z.string(),
  /** Null when it can be rated now; else the reason code (`not_served_yet`, `already_rated`, `rating_window_closed`). */
  blockedBy: z.string().nullable(),
  rating: z.object({ level: RatingLevel, channel: RatingChannel, at: z.string() }).nullable(),
  /** Until when the phone page may rate; null before service. */
  rateUntil: z.string().nullable(),
});
export type TicketRatingDto = z.infer<typeof TicketRatingDto>;
