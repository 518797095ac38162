import { z } from 'zod';

/** A 3-, 4- or 5-button rating box at one counter, on a serial port; `sim` runs a simulated box in memory (demo, tests). */
export const RatingBoxConfig = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'lowercase letters, digits, - or _'),
    counterId: z.number().int().positive(),
    /** Buttons, best first; they map onto the 3-, 4- or 5-level scale of that size. */
    buttons: z.union([z.literal(3), z.literal(4), z.literal(5)]).default(4),
    transport: z.enum(['sim', 'serial']),
    /** e.g. `/dev/ttyUSB1`; required for `serial`. */
    path: z.string().min(1).optional(),
    baudRate: z.number().int().positive().default(9600),
    /** The box says hello every few seconds; silence this long marks it offline in /api/health. */
    silenceMs: z.number().int().min(1000).max(120_000).default(15_000),
  })
  .superRefine((b, ctx) => {
    if (b.transport === 'serial' && !b.path) ctx.addIssue({ code: 'custom', path: ['path'], message: 'a serial rating box needs a path, e.g. /dev/ttyUSB1' });
  });
export type RatingBoxConfig = z.infer<typeof RatingBoxConfig>;

/** Optional rather than defaulted, so a config (or a test) that lists only other hardware stays valid as typed. */
export const RatingBoxesConfig = z
  .array(RatingBoxConfig)
  .optional()
  .superRefine((boxes, ctx) => {
    const ids = (boxes ?? []).map((b) => b.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `two rating boxes share the id ${dup}` });
  });
