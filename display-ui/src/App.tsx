import type { CallDto, CounterDto, Snapshot } from '@qms/protocol';
import { queryIntList, ScreenShell, serviceName, useFloor, useLang } from '@qms/ui-kit';

// Read once: a display's counters are part of its address (`?counters=1,2,3`), a floor or a wing.
const counterIds = queryIntList('counters');

export function App() {
  const floor = useFloor(counterIds ? { role: 'display', counterIds } : { role: 'display' });
  const { t } = useLang();
  return (
    <ScreenShell snapshot={floor.snapshot} connected={floor.connected} error={floor.error} title={t('display.title')} className="display">
      {(snapshot) => <Hall snapshot={snapshot} />}
    </ScreenShell>
  );
}

function mine<T extends { id: number }>(counters: T[]): T[] {
  return counterIds ? counters.filter((c) => counterIds.includes(c.id)) : counters;
}

function Hall({ snapshot }: { snapshot: Snapshot }) {
  const counters = mine(snapshot.counters);
  const calls = counterIds ? snapshot.recentCalls.filter((c) => counterIds.includes(c.counterId)) : snapshot.recentCalls;
  // Fields served by the counters of this display (all of them on an unfiltered display).
  const served = new Set(counters.flatMap((c) => c.serviceIds));
  const services = counterIds ? snapshot.services.filter((s) => served.has(s.id)) : snapshot.services;
  const { t, lang } = useLang();
  const latest = calls[0];

  return (
    <div className="display__layout">
      <LatestCall call={latest} />
      <section className="display__counters" aria-label={t('display.counters')}>
        {counters.map((c) => (
          <CounterTile key={c.id} counter={c} highlight={latest?.counterId === c.id} />
        ))}
      </section>
      <aside className="display__side">
        <section className="qms-card">
          <h2>{t('display.recentCalls')}</h2>
          <ol className="display__calls">
            {calls.slice(1, 8).map((c) => (
              <li key={`${c.ticket.id}-${c.at}`}>
                <span className="display__calls-number">{c.ticket.number}</span>
                <span>→ {t('counter.label', { n: c.counterNumber })}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="qms-card">
          <h2>{t('display.waitingByService')}</h2>
          <table className="qms-table display__waiting">
            <tbody>
              {services.map((s) => (
                <tr key={s.id}>
                  <td>{serviceName(s, lang)}</td>
                  <td className="num">{s.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </aside>
    </div>
  );
}

function LatestCall({ call }: { call: CallDto | undefined }) {
  const { t } = useLang();
  if (!call) return <section className="display__latest display__latest--empty">{t('display.noCalls')}</section>;
  // Keyed by ticket and time, so the highlight animation replays on every call and recall.
  return (
    <section key={`${call.ticket.id}-${call.at}`} className="display__latest" aria-live="assertive">
      <span>{t('display.callPrefix')}</span>
      <span className="display__latest-number">{call.ticket.number}</span>
      <span>{t('display.callToCounter')}</span>
      <span className="display__latest-number">{call.counterNumber}</span>
    </section>
  );
}

function CounterTile({ counter, highlight }: { counter: CounterDto; highlight: boolean }) {
  const { t } = useLang();
  const serving = counter.currentTicket && ['called', 'serving'].includes(counter.currentTicket.status) ? counter.currentTicket : null;
  return (
    <div className={`display__counter display__counter--${counter.status}${highlight ? ' display__counter--hot' : ''}`}>
      <div className="display__counter-name">{t('counter.label', { n: counter.number })}</div>
      <div className="display__counter-number">{serving?.number ?? '—'}</div>
      <div className="display__counter-sub">
        {counter.status === 'open' ? (counter.staff?.name ?? t('counter.noStaff')) : t(`counter.status.${counter.status}`)}
      </div>
    </div>
  );
}
