import { useEffect, useRef, useState } from 'react';
import type { Snapshot, SummaryReply } from '@qms/protocol';
import { apiFetch, fmtInt, fmtMinutes, fmtPct, serviceName, useDevices, useFloorEvent, type UseFloorResult, useLang, waitText } from '@qms/ui-kit';
import { BackupsPanel, StorageAlert, useStorageHealth } from './Backups';
import { DeviceAlert, DevicesPanel } from './Devices';
import { useWords } from './words';

/** Today's figures, fetched again at most every few seconds while floor events arrive. */
function useToday(day: string, subscribe: UseFloorResult['subscribe']) {
  const [today, setToday] = useState<SummaryReply | null>(null);
  const [changes, setChanges] = useState(0);
  useFloorEvent(subscribe, () => setChanges((n) => n + 1));
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const load = () => {
      last.current = Date.now();
      apiFetch<SummaryReply>(`/api/stats/summary?from=${day}&to=${day}`)
        .then(setToday)
        .catch(() => undefined);
    };
    const wait = Math.max(0, 5000 - (Date.now() - last.current));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(load, wait);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [day, changes]);
  return today;
}

function useNow(everyMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export function Dashboard({ snapshot, floor, canReprint, isAdmin = false }: { snapshot: Snapshot; floor: UseFloorResult; canReprint: boolean; isAdmin?: boolean }) {
  const { subscribe } = floor;
  const { t } = useLang();
  const { w, lang } = useWords();
  const today = useToday(snapshot.serviceDay, subscribe);
  const devices = useDevices(floor);
  const storage = useStorageHealth();
  const now = useNow(10_000);
  const waiting = snapshot.waiting ?? [];
  const oldest = new Map<string, number>();
  for (const tk of waiting) oldest.set(tk.serviceId, Math.min(oldest.get(tk.serviceId) ?? Infinity, Date.parse(tk.issuedAt)));
  const longestAll = Math.min(Infinity, ...oldest.values());
  const totalWaiting = snapshot.services.reduce((n, s) => n + s.waiting, 0);
  const count = (status: string) => snapshot.counters.filter((c) => c.status === status).length;
  const f = today?.totals;

  return (
    <div className="dashboard">
      <DeviceAlert devices={devices.devices} />
      <StorageAlert health={storage.health} />
      <section className="reports__kpis" aria-label="live">
        <div className="qms-card kpi">
          <div className="kpi__label">{w('live.waitingNow')}</div>
          <div className="kpi__value">{fmtInt(totalWaiting, lang)}</div>
          <div className="kpi__sub">
            {w('live.longest')}: {Number.isFinite(longestAll) ? waitText((now - longestAll) / 1000, lang) : '—'}
          </div>
        </div>
        <div className="qms-card kpi">
          <div className="kpi__label">{w('live.open')}</div>
          <div className="kpi__value">{count('open')}</div>
          <div className="kpi__sub">
            {w('live.paused')}: {count('paused')} · {w('live.closed')}: {count('closed')}
          </div>
        </div>
        <div className="qms-card kpi">
          <div className="kpi__label">
            {w('live.today')} · {w('fig.issued')}
          </div>
          <div className="kpi__value">{f ? fmtInt(f.issued, lang) : '…'}</div>
          <div className="kpi__sub">{f && `${w('fig.served')}: ${fmtInt(f.served, lang)} · ${w('fig.noShow')}: ${fmtInt(f.noShow, lang)}`}</div>
        </div>
        <div className="qms-card kpi">
          <div className="kpi__label">
            {w('live.today')} · {w('fig.waitMean')}
          </div>
          <div className="kpi__value">{f ? fmtMinutes(f.waitSeconds.mean, lang) : '…'}</div>
          <div className="kpi__sub">{f && `${w('fig.withinTarget', { m: f.waitWithinTarget.targetSeconds / 60 })}: ${fmtPct(f.waitWithinTarget.share, lang)}`}</div>
        </div>
        <div className="qms-card kpi">
          <div className="kpi__label">
            {w('live.today')} · {w('fig.satisfaction')}
          </div>
          <div className="kpi__value">{f ? fmtPct(f.satisfactionRate, lang) : '…'}</div>
          <div className="kpi__sub">{f && `${w('fig.ratings')}: ${fmtInt(f.ratings.total, lang)}`}</div>
        </div>
      </section>
      <div className="admin__layout">
        <section className="qms-card">
          <h2>{t('admin.counters')}</h2>
          <table className="qms-table">
            <thead>
              <tr>
                <th>{t('col.counter')}</th>
                <th>{t('col.status')}</th>
                <th>{t('col.officer')}</th>
                <th>{t('col.current')}</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.counters.map((c) => (
                <tr key={c.id}>
                  <td>
                    <strong>{t('counter.label', { n: c.number })}</strong>
                    {c.name && c.name !== t('counter.label', { n: c.number }) && <div className="qms-hint">{c.name}</div>}
                  </td>
                  <td>
                    <span className={`qms-status qms-status--${c.status}`}>{t(`counter.status.${c.status}`)}</span>
                  </td>
                  <td>{c.staff?.name ?? <span className="qms-hint">{t('counter.noStaff')}</span>}</td>
                  <td>
                    {c.currentTicket ? (
                      <>
                        <strong className="admin__number">{c.currentTicket.number}</strong> <span className="qms-hint">{t(`ticket.status.${c.currentTicket.status}`)}</span>
                      </>
                    ) : (
                      <span className="qms-hint">{t('counter.idle')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="qms-card">
          <h2>
            {t('admin.services')} · {t('waiting.count', { n: totalWaiting })}
          </h2>
          <table className="qms-table">
            <thead>
              <tr>
                <th>{t('col.service')}</th>
                <th className="num">{t('col.waiting')}</th>
                <th className="num">{w('live.longest')}</th>
                <th className="num">{t('col.estimatedWait')}</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.services.map((s) => {
                const since = oldest.get(s.id);
                return (
                  <tr key={s.id}>
                    <td>
                      {serviceName(s, lang)}
                      {!s.issuingNow && <div className="qms-hint">{t('kiosk.closed')}</div>}
                    </td>
                    <td className="num admin__number">{s.waiting}</td>
                    <td className="num">{since !== undefined ? waitText((now - since) / 1000, lang) : '—'}</td>
                    <td className="num">{s.waiting > 0 ? waitText(s.estimatedWaitSeconds, lang) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <DevicesPanel subscribe={subscribe} devices={devices} canReprint={canReprint} timeZone={snapshot.timezone} />
        {isAdmin && <BackupsPanel onChange={storage.reload} />}
      </div>
    </div>
  );
}
