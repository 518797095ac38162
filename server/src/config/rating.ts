import { z } from 'zod';
import { ratingLevels, type RatingLevel } from '@qms/protocol';

const Words = z.strictObject({ vi: z.string().min(1).max(60), en: z.string().min(1).max(60) });

/** Levels of each scale, best first: 3 drops "neutral", 5 adds "very dissatisfied". */
export const scaleLevels: Record<3 | 4 | 5, RatingLevel[]> = {
  3: ['very_satisfied', 'satisfied', 'dissatisfied'],
  4: ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'],
  5: ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'],
};

const defaultLabels: Record<RatingLevel, { vi: string; en: string }> = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  neutral: { vi: 'Bình thường', en: 'Neutral' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  very_dissatisfied: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
};

const defaultReasons = [
  { id: 'waiting_time', vi: 'Thời gian chờ lâu', en: 'Long waiting time' },
  { id: 'attitude', vi: 'Thái độ cán bộ', en: 'Officer’s attitude' },
  { id: 'guidance_unclear', vi: 'Hướng dẫn chưa rõ ràng', en: 'Guidance was unclear' },
  { id: 'came_back_several_times', vi: 'Phải đi lại nhiều lần', en: 'Had to come back several times' },
  { id: 'other', vi: 'Lý do khác', en: 'Other' },
];

/** The satisfaction question: scale, words, reasons asked on a low rating, and how long a device waits. */
export const RatingConfig = z
  .strictObject({
    scale: z.union([z.literal(3), z.literal(4), z.literal(5)]).default(4),
    /** Overrides of the default words per level. */
    labels: z.partialRecord(z.enum(ratingLevels), Words).default({}),
    reasons: z
      .array(Words.extend({ id: z.string().regex(/^[a-z0-9_]{1,40}$/, 'lowercase letters, digits or _') }))
      .max(10)
      .default(defaultReasons),
    /** Levels after which the reasons are offered. */
    askReasonsFor: z.array(z.enum(ratingLevels)).default(['dissatisfied', 'very_dissatisfied']),
    /** How long a counter's tablet or button box asks after the officer finishes; unanswered = "not rated". */
    askSeconds: z.number().int().min(10).max(600).default(60),
    /** Extra time for the reasons and comment after a low rating. */
    reasonSeconds: z.number().int().min(10).max(600).default(45),
    thanksSeconds: z.number().int().min(2).max(60).default(5),
    /** Folder of officers' photos named `<username>.jpg|png|webp`, shown on the tablet; null = initials. */
    photoDir: z.string().nullable().default(null),
  })
  .superRefine((c, ctx) => {
    const ids = c.reasons.map((r) => r.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['reasons'], message: `duplicate reason id: ${dup}` });
  });
export type RatingConfig = z.infer<typeof RatingConfig>;

/** Seconds after the finish during which a counter device may still rate; also when "not rated" is recorded. */
export const deviceWindowSeconds = (c: RatingConfig) => c.askSeconds + c.reasonSeconds + DEVICE_GRACE_SECONDS;
/** Network and tap latency after the tablet's own timer ran out. */
export const DEVICE_GRACE_SECONDS = 15;

export function ratingQuestion(c: RatingConfig) {
  const levels = scaleLevels[c.scale];
  return {
    scale: c.scale,
    levels: levels.map((level) => ({ level, ...defaultLabels[level], ...c.labels[level] })),
    reasons: c.reasons,
    askReasonsFor: c.askReasonsFor.filter((l) => levels.includes(l)),
    askSeconds: c.askSeconds,
    reasonSeconds: c.reasonSeconds,
    thanksSeconds: c.thanksSeconds,
  };
}
