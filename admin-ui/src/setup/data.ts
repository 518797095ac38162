import { useCallback, useEffect, useState } from 'react';
import type { ApiRoute, FloorEvent, RouteReply } from '@qms/protocol';
import { ApiError, errorText, fetchRoute, useFloorEvent, type UseFloorResult } from '@qms/ui-kit';
import { useSetupWords } from './words';

/**
 * A setup list read from a route of the route table, read again whenever any screen's admin changes that kind of
 * setup (`setup.updated`), so two admins see each other's changes.
 */
export function useSetupList<R extends ApiRoute & { method: 'get' }>(route: R, subscribe: UseFloorResult['subscribe'], entities: readonly string[]) {
  const { lang } = useSetupWords();
  const [data, setData] = useState<RouteReply<R> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    (fetchRoute as (r: ApiRoute) => Promise<RouteReply<R>>)(route)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => setError(errorText(err, lang)));
  }, [route, lang]);
  useEffect(reload, [reload]);
  useFloorEvent(subscribe, (e: FloorEvent) => {
    if (e.type === 'setup.updated' && entities.includes(e.entity)) reload();
  });
  return { data, error, reload };
}

export type Outcome = { ok: boolean; text: string; fields?: Record<string, string> } | null;

/** Runs a change and words its outcome: the server's own message, with its per-field messages for the form. */
export function useChange() {
  const { w, lang } = useSetupWords();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  /** `done`: the success message (default "saved"); null for none. */
  const run = async <T,>(change: () => Promise<T>, done?: string | null): Promise<T | null> => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await change();
      setOutcome(done === null ? null : { ok: true, text: done ?? w('saved') });
      return result;
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : undefined;
      setOutcome({ ok: false, text: errorText(err, lang), ...(fields ? { fields } : {}) });
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, setOutcome, run };
}
