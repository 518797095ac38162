import type { CounterQueueDto, PriorityCategory, ServiceDto, TicketDto } from '@qms/protocol';
import { serviceName, useLang } from '@qms/ui-kit';
import { unholdKey } from './actions';
import { priorityLabel } from './priority';
import { durationText, secondsSince } from './time';
import { useNow } from './useDeskData';
import { say } from './words';

interface Props {
  queue: CounterQueueDto | null;
  services: ServiceDto[];
  priorities: PriorityCategory[];
  canPick: boolean;
  canUnhold: boolean;
  onPick: (t: TicketDto) => void;
  onUnhold: (t: TicketDto) => void;
}

/** Who waits for this counter: per field, then every ticket in call order (one may be picked out of order). */
export function QueuePanel({ queue, services, priorities, canPick, canUnhold, onPick, onUnhold }: Props) {
  const { t, lang } = useLang();
  const now = useNow();
  const nameOf = (id: string) => {
    const s = services.find((x) => x.id === id);
    return s ? serviceName(s, lang) : id;
  };
  // The field name may be cut short, never the priority group: it has its own line under the name.
  const what = (ticket: TicketDto) => (
    <span className="desk__what">
      <span className="desk__field" title={nameOf(ticket.serviceId)}>
        {nameOf(ticket.serviceId)}
      </span>
      {ticket.priority && (
        <span className="desk__tag" data-priority={ticket.priority}>
          {priorityLabel(priorities, ticket.priority, lang)}
        </span>
      )}
      {ticket.channel === 'appointment' && ticket.appointmentAt && <span className="desk__tag desk__tag--booked">{say(lang, 'bookingTag', { time: ticket.appointmentAt.slice(11, 16) })}</span>}
    </span>
  );
  return (
    <section className="qms-card desk__queue">
      <h2>
        {t('desk.queue')} <span className="desk__count">{queue?.waiting.length ?? '…'}</span>
      </h2>
      <ul className="desk__fields">
        {queue?.services.map((s) => (
          <li key={s.serviceId}>
            <span>{nameOf(s.serviceId)}</span>
            <strong>{s.waiting}</strong>
            <span className="desk__muted">{s.longestWaitSeconds !== null ? t('desk.longest', { time: durationText(s.longestWaitSeconds, lang) }) : ''}</span>
          </li>
        ))}
      </ul>
      {queue?.held.length ? (
        <div className="desk__held">
          <h3>{t('desk.held')}</h3>
          {queue.held.map((h, i) => (
            <div key={h.id} className="desk__row">
              <span className="desk__num">{h.number}</span>
              {what(h)}
              <button type="button" className="qms-btn qms-btn--small desk__unhold" data-unhold={h.number} disabled={!canUnhold} onClick={() => onUnhold(h)} aria-keyshortcuts={i === 0 ? unholdKey : undefined}>
                {t('desk.unhold')}
                {i === 0 && <kbd className="desk__kbd">{unholdKey}</kbd>}
              </button>
            </div>
          ))}
        </div>
      ) : null}
      <div className="desk__list" role="list">
        {queue && queue.waiting.length === 0 && <p className="desk__muted">{t('desk.queueEmpty')}</p>}
        {queue?.waiting.map((w) => (
          <div key={w.id} className="desk__row" role="listitem">
            <span className="desk__num">{w.number}</span>
            {what(w)}
            <span className="desk__muted">{durationText(secondsSince(w.issuedAt, now), lang)}</span>
            <button type="button" className="qms-btn qms-btn--small" disabled={!canPick} onClick={() => onPick(w)}>
              {t('desk.pick')}
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
