import { useCallback, useEffect, useState } from 'react';
import type { BackupsReply, HealthReply } from '@qms/protocol';
import { apiFetch, errorText, fmtInt } from '@qms/ui-kit';
import { useWords } from './words';

/** Disk space and backups from `/api/health` (signed in), read now and every minute. */
export function useStorageHealth() {
  const [health, setHealth] = useState<Pick<HealthReply, 'storage' | 'backups'> | null>(null);
  const load = useCallback(() => {
    apiFetch<HealthReply>('/api/health')
      .then((h) => setHealth({ storage: h.storage, backups: h.backups }))
      .catch((err: unknown) => {
        // Health answers 503 when the disk is full (or the database cannot be read).
        if ((err as { status?: number }).status === 503) setHealth((h) => ({ ...h, storage: { diskFull: true, freeBytes: null, lowSpace: false } }));
      });
  }, []);
  useEffect(() => {
    load();
    const id = setInterval(load, 60_000);
    return () => clearInterval(id);
  }, [load]);
  return { health, reload: load };
}

const when = (iso: string) => `${iso.slice(11, 19)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

/** A line above the figures while the disk is full or low, or the backups are old or failing. */
export function StorageAlert({ health }: { health: ReturnType<typeof useStorageHealth>['health'] }) {
  const { w, lang } = useWords();
  if (!health) return null;
  const lines: string[] = [];
  if (health.storage?.diskFull) lines.push(w('bk.diskFull'));
  else if (health.storage?.lowSpace && health.storage.freeBytes !== null) lines.push(w('bk.lowSpace', { mb: fmtInt(Math.floor(health.storage.freeBytes / 1024 / 1024), lang) }));
  const b = health.backups;
  if (b?.warning === 'failed') lines.push(w('bk.failed', { reason: b.failures.map((f) => f.message).join('; ') }));
  else if (b?.warning === 'stale') lines.push(b.ageHours === null ? w('bk.never') : w('bk.stale', { h: Math.floor(b.ageHours) }));
  if (lines.length === 0) return null;
  return (
    <a className="devices__alert storage__alert" href="#backups" role="alert">
      {lines.join(' · ')}
    </a>
  );
}

/** The administrator's backup panel: the last good copy, a button to take one now, and the copies kept. */
export function BackupsPanel({ onChange }: { onChange: () => void }) {
  const { w, lang } = useWords();
  const [reply, setReply] = useState<BackupsReply | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    apiFetch<BackupsReply>('/api/admin/backups').then(setReply).catch(setError);
  }, []);

  const backUpNow = async () => {
    setBusy(true);
    setDone(false);
    setError(null);
    try {
      const next = await apiFetch<BackupsReply>('/api/admin/backups', { method: 'POST' });
      setReply(next);
      setDone(next.status.warning === null);
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const s = reply?.status;
  const copies = reply?.copies.slice(0, 8) ?? [];
  return (
    <section className="qms-card backups" id="backups" aria-label={w('bk.title')}>
      <h2>
        {w('bk.title')}
        {s && <span className={`devices__summary devices__summary--${s.warning ? 'fault' : 'ok'}`}>{s.warning ? w(s.warning === 'failed' ? 'bk.badgeFailed' : 'bk.badgeStale') : w('bk.badgeOk')}</span>}
      </h2>
      <div className="backups__head">
        <p className="backups__last">
          {!s ? w('bk.loading') : s.lastGoodAt ? w('bk.last', { time: when(s.lastGoodAt), age: (s.ageHours ?? 0) < 1 ? w('bk.ageMinutes', { m: Math.round((s.ageHours ?? 0) * 60) }) : w('bk.ageHours', { h: Math.floor(s.ageHours ?? 0) }) }) : w('bk.none')}
        </p>
        <button type="button" className="qms-btn qms-btn--primary backups__now" disabled={busy} onClick={() => void backUpNow()}>
          {busy ? w('bk.running') : w('bk.now')}
        </button>
      </div>
      {s && s.failures.length > 0 && (
        <ul className="qms-error backups__failures">
          {s.failures.map((f) => (
            <li key={f.target}>
              {w(f.target === 'main' ? 'bk.main' : 'bk.second')}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p className="qms-notice" role="status">
          {w('bk.done')}
        </p>
      )}
      {error !== null && (
        <p className="qms-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
      {copies.length > 0 && (
        <table className="qms-table backups__list">
          <thead>
            <tr>
              <th>{w('bk.col.time')}</th>
              <th>{w('bk.col.where')}</th>
              <th className="num">{w('bk.col.size')}</th>
              <th>{w('bk.col.check')}</th>
            </tr>
          </thead>
          <tbody>
            {copies.map((c) => (
              <tr key={`${c.target}/${c.file}`} data-file={c.file}>
                <td>{when(c.at)}</td>
                <td>{w(c.target === 'main' ? 'bk.main' : 'bk.second')}</td>
                <td className="num">{megabytes(c.size)} MB</td>
                <td>{c.verified ? <span className="backups__ok">✓ {w('bk.verified')}</span> : <span className="backups__bad">✗ {w('bk.damaged')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="qms-hint">{w('bk.hint')}</p>
    </section>
  );
}
