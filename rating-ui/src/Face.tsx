import type { RatingLevel } from '@qms/protocol';

const mouth: Record<RatingLevel, string> = {
  very_satisfied: 'M14 27 Q24 38 34 27',
  satisfied: 'M16 29 Q24 34 32 29',
  neutral: 'M16 31 L32 31',
  dissatisfied: 'M16 33 Q24 28 32 33',
  very_dissatisfied: 'M14 35 Q24 25 34 35',
};

/** A plain drawn face per level (no emoji font needed on old tablets). */
export function Face({ level }: { level: RatingLevel }) {
  return (
    <svg className="face" viewBox="0 0 48 48" aria-hidden="true">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path d={mouth[level]} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
