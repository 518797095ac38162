import { z } from 'zod';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const StatsQuery = z
  .object({
    from: localDate,
    to: localDate,
    groupBy: z.enum(['service', 'counter', 'staff', 'day', 'hour']).optional(),
  })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"' });

const Distribution = z.object({ mean: z.number().nullable(), median: z.number().nullable(), p90: z.number().nullable(), max: z.number().nullable() });

export const Figures = z.object({
  issued: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  waitSeconds: Distribution,
  serviceSeconds: Distribution,
  ratings: z.object({
    very_satisfied: z.number().int(),
    satisfied: z.number().int(),
    neutral: z.number().int(),
    dissatisfied: z.number().int(),
    very_dissatisfied: z.number().int(),
    total: z.number().int(),
  }),
  satisfactionRate: z.number().nullable(),
});
export type Figures = z.infer<typeof Figures>;

export const SummaryReply = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  totals: Figures,
  groups: z.array(Figures.extend({ key: z.union([z.string(), z.number()]), label: z.string() })).optional(),
});
export type SummaryReply = z.infer<typeof SummaryReply>;
