import { z } from 'zod';

/** Report settings (`reports` in the center config). */
export const ReportConfig = z.strictObject({
  /** "Served within the target wait" counts tickets called within this many minutes of issue. */
  targetWaitMinutes: z.number().positive().max(24 * 60).default(15),
  /** The center-wide satisfaction target the totals are checked against (fields have their own). */
  satisfactionTarget: z.number().min(0).max(1).default(0.95),
});
export type ReportConfig = z.infer<typeof ReportConfig>;
