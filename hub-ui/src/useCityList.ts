import { useCallback, useEffect, useState } from 'react';
import { apiFetch, errorText, type Lang } from '@qms/ui-kit';
import { signedOutBy } from './session';

/** A city list (centers, accounts) loaded on mount; `load` again after each change. */
export function useCityList<T>(path: string, lang: Lang) {
  const [list, setList] = useState<T[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(
    () =>
      apiFetch<T[]>(path)
        .then((items) => {
          setList(items);
          setFailure(null);
        })
        .catch((err: unknown) => {
          signedOutBy(err);
          setFailure(errorText(err, lang));
        }),
    [path, lang],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return { list, failure, load };
}
