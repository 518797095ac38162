import { useCallback, useEffect, useState } from 'react';
import { routes, type AuditEntryDto } from '@qms/protocol';
import { errorText, fetchRoute, useFloorEvent, type UseFloorResult } from '@qms/ui-kit';
import { useSetupWords } from './words';

/** A before/after value in one line: objects show only the keys that differ from the other side. */
function shown(value: unknown, other: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
  const o = value as Record<string, unknown>;
  const p = other !== null && typeof other === 'object' && !Array.isArray(other) ? (other as Record<string, unknown>) : null;
  const keys = Object.keys(o).filter((k) => !p || JSON.stringify(o[k]) !== JSON.stringify(p[k]));
  return keys.map((k) => `${k}: ${typeof o[k] === 'object' && o[k] !== null ? JSON.stringify(o[k]) : String(o[k])}`).join('; ') || '—';
}

/** The change log ("Nhật ký thay đổi"), newest first, live. */
export function AuditLog({ subscribe }: { subscribe: UseFloorResult['subscribe'] }) {
  const { w, has, lang } = useSetupWords();
  const [entries, setEntries] = useState<AuditEntryDto[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (before?: number) => {
      fetchRoute(routes.adminAudit, { query: { limit: 50, ...(before ? { before } : {}) } })
        .then((r) => {
          setEntries((old) => (before ? [...(old ?? []), ...r.entries] : r.entries));
          setNext(r.nextBefore);
          setError(null);
        })
        .catch((err: unknown) => setError(errorText(err, lang)));
    },
    [lang],
  );
  useEffect(() => load(), [load]);
  useFloorEvent(subscribe, (e) => {
    if (e.type === 'setup.updated') load();
  });
  const word = (prefix: 'entity' | 'action', key: string) => {
    const k = `${prefix}.${key}`;
    return has(k) ? w(k) : key;
  };

  return (
    <section className="qms-card setup__section" aria-labelledby="log-title">
      <h2 id="log-title">{w('nav.log')}</h2>
      <p className="qms-hint">{w('log.intro')}</p>
      {error && <p className="qms-error">{error}</p>}
      {entries?.length === 0 && <p className="qms-hint">{w('log.none')}</p>}
      {entries && entries.length > 0 && (
        <div className="setup__scroll">
          <table className="qms-table setup__table setup__log">
            <thead>
              <tr>
                <th>{w('log.when')}</th>
                <th>{w('log.who')}</th>
                <th>{w('log.what')}</th>
                <th>{w('log.before')}</th>
                <th>{w('log.after')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-entry={e.type}>
                  <td className="setup__mono">{e.at.slice(0, 16).replace('T', ' ')}</td>
                  <td>{e.by?.name ?? w('log.system')}</td>
                  <td>
                    {word('entity', e.entity)} {e.targetId} · {word('action', e.action)}
                  </td>
                  <td className="setup__value">{shown(e.before, e.after)}</td>
                  <td className="setup__value">{shown(e.after, e.before)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" className="qms-btn qms-btn--small" onClick={() => load(next)}>
          {w('log.more')}
        </button>
      )}
    </section>
  );
}
