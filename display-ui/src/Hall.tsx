import type { CallDto, CounterDto, Snapshot } from '@qms/protocol';
import { serviceName, useLang } from '@qms/ui-kit';

const isPriority = (call: { ticket: { priority: string | null } }) => call.ticket.priority !== null;

/** The hall TV: the latest call very large, every counter with its number, the last calls, the waiting counts, the notice line. */
export function Hall({ snapshot, counterIds }: { snapshot: Snapshot; counterIds: number[] | undefined }) {
  const mine = (id: number) => !counterIds || counterIds.includes(id);
  const counters = snapshot.counters.filter((c) => mine(c.id));
  const calls = snapshot.recentCalls.filter((c) => mine(c.counterId));
  // Fields served by the counters of this display (all of them on an unfiltered display).
  const served = new Set(counters.flatMap((c) => c.serviceIds));
  const services = counterIds ? snapshot.services.filter((s) => served.has(s.id)) : snapshot.services;
  const { t, lang } = useLang();
  const latest = calls[0];
  const notice = snapshot.display?.notice.trim() ?? '';

  return (
    <div className={`display__layout${notice ? ' display__layout--notice' : ''}`}>
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
            {calls.slice(1, 6).map((c) => (
              <li key={`${c.ticket.id}-${c.at}`} className={isPriority(c) ? 'display__calls--priority' : undefined}>
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
      {notice && <Notice text={notice} />}
    </div>
  );
}

function LatestCall({ call }: { call: CallDto | undefined }) {
  const { t } = useLang();
  if (!call) return <section className="display__latest display__latest--empty">{t('display.noCalls')}</section>;
  const kind = isPriority(call) ? ' display__latest--priority' : '';
  // Keyed by ticket and time, so the flash replays on every call and recall.
  return (
    <section key={`${call.ticket.id}-${call.at}`} className={`display__latest${kind}`} aria-live="assertive" data-ticket={call.ticket.number}>
      {(isPriority(call) || call.recall) && (
        <span className="display__latest-tag">{[isPriority(call) && t('display.priority'), call.recall && t('display.recall')].filter(Boolean).join(' · ')}</span>
      )}
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
  const priority = serving?.priority ? ' display__counter--priority' : '';
  return (
    <div className={`display__counter display__counter--${counter.status}${highlight ? ' display__counter--hot' : ''}${priority}`} data-counter={counter.number}>
      <div className="display__counter-name">{t('counter.label', { n: counter.number })}</div>
      <div className="display__counter-number">{serving?.number ?? '—'}</div>
      <div className="display__counter-sub">
        {counter.status === 'open' ? (counter.staff?.name ?? t('counter.noStaff')) : t(`counter.status.${counter.status}`)}
      </div>
    </div>
  );
}

/** The manager's notice, scrolling right to left; its speed follows its length so long text stays readable. */
function Notice({ text }: { text: string }) {
  const seconds = Math.max(12, Math.round(text.length / 5));
  return (
    <div className="display__notice" role="marquee">
      {/* The text twice, moved by half its width, loops without a jump and is readable from the first frame. */}
      <span className="display__notice-text" style={{ animationDuration: `${seconds}s` }}>
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </span>
    </div>
  );
}
