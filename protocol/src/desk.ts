import { z } from 'zod';
import { TicketDto } from './dto';
import { RatingCounts } from './stats';

/** What the desk console shows beside the current ticket: who waits for this counter, per field and in call order. */
export const CounterQueueDto = z.object({
  counterId: z.number().int(),
  /** Tickets this counter may call, in the order "call next" would take them (transfers to it, priority, then the oldest). */
  waiting: z.array(TicketDto),
  /** Tickets put on hold at this counter today, to bring back. */
  held: z.array(TicketDto),
  services: z.array(
    z.object({
      serviceId: z.string(),
      waiting: z.number().int(),
      /** Seconds the longest-waiting ticket of the field has waited, null when nobody waits. */
      longestWaitSeconds: z.number().int().nullable(),
    }),
  ),
  /** The caller keypad at this counter, when one is configured, as health reports it. */
  keypad: z.object({ id: z.string(), ok: z.boolean(), detail: z.string().nullable() }).nullable(),
});
export type CounterQueueDto = z.infer<typeof CounterQueueDto>;

/** The signed-in officer's own service day, from the event log. */
export const MyDayDto = z.object({
  serviceDay: z.string(),
  served: z.number().int(),
  noShow: z.number().int(),
  transferred: z.number().int(),
  /** Mean of finish − (start, or the call where service was never started) over the tickets they finished; null before the first. */
  averageServiceSeconds: z.number().int().nullable(),
  ratings: RatingCounts,
  /** (very satisfied + satisfied) / total, null without ratings. */
  satisfactionRate: z.number().nullable(),
});
export type MyDayDto = z.infer<typeof MyDayDto>;

export const ProceduresDto = z.object({ procedures: z.array(z.string()) });
export type ProceduresDto = z.infer<typeof ProceduresDto>;
