import { useEffect, useState } from 'react';
import type { RatingQuestionDto } from '@qms/protocol';

const RETRY_MS = 5000;

/**
 * The center's rating question (scale, words, reasons, timeouts), retried until it comes and fetched again whenever
 * `version` changes (the admin changed the setup): the old question stays on screen until the new one is here.
 */
export function useRatingQuestion(version: string | number = 0): RatingQuestionDto | null {
  const [question, setQuestion] = useState<RatingQuestionDto | null>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      fetch('/api/ratings/question', { credentials: 'omit' })
        .then((r) => (r.ok ? (r.json() as Promise<RatingQuestionDto>) : Promise.reject(new Error(String(r.status)))))
        .then((q) => !stop && setQuestion(q))
        .catch(() => {
          if (!stop) timer = setTimeout(load, RETRY_MS);
        });
    };
    load();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [version]);
  return question;
}
