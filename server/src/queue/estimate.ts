export interface WaitEstimateInput {
  /** Tickets that will be called before the new one. */
  ahead: number;
  /** Recent service durations (seconds) of the service, newest first. */
  recentServiceSeconds: readonly number[];
  defaultServiceSeconds: number;
  /** Counters open now that serve the service. */
  openCounters: number;
}

/** Seconds until the new ticket is likely called: people ahead × typical service time ÷ open counters. */
export function estimateWaitSeconds({ ahead, recentServiceSeconds, defaultServiceSeconds, openCounters }: WaitEstimateInput): number {
  if (ahead <= 0) return 0;
  const typical = recentServiceSeconds.length >= 3 ? median(recentServiceSeconds) : defaultServiceSeconds;
  return Math.round((ahead * typical) / Math.max(1, openCounters));
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
