import { useEffect, useState } from 'react';
import type { CounterDto, CounterQueueDto, PriorityCategory, ProceduresDto, ServiceDto } from '@qms/protocol';
import { apiFetch, BigNumber, serviceName, useLang } from '@qms/ui-kit';
import { priorityLabel } from './priority';
import { durationText, secondsSince } from './time';
import { useNow } from './useDeskData';
import { say } from './words';

interface Props {
  counter: CounterDto;
  services: ServiceDto[];
  priorities: PriorityCategory[];
  dossierCode: string;
  procedure: string;
  onDossierCode: (v: string) => void;
  onProcedure: (v: string) => void;
  /** Enter in the dossier field (a barcode scanner ends with Enter) finishes the ticket. */
  onSubmit: () => void;
  serving: boolean;
  keypad: CounterQueueDto['keypad'] | undefined;
  /** Why the buttons are grey while the counter is not this officer's, and how to take it. */
  note?: string | undefined;
}

export function CurrentTicket({ counter, services, priorities, dossierCode, procedure, onDossierCode, onProcedure, onSubmit, serving, keypad, note }: Props) {
  const { t, lang } = useLang();
  const now = useNow();
  const ticket = counter.currentTicket;
  const service = ticket ? services.find((s) => s.id === ticket.serviceId) : undefined;
  const procedures = useProcedures(counter.id, ticket?.id);
  return (
    <section className="qms-card desk__current">
      <div className="desk__counter">
        {t('counter.label', { n: counter.number })} · <span className={`qms-status qms-status--${counter.status}`}>{t(`counter.status.${counter.status}`)}</span>
      </div>
      {keypad && (
        <div className={`desk__keypad${keypad.ok ? '' : ' desk__keypad--down'}`} title={keypad.detail ?? ''}>
          {t(keypad.ok ? 'desk.keypadOk' : 'desk.keypadDown')}
        </div>
      )}
      {note && (
        <p className="desk__take" role="status">
          {note}
        </p>
      )}
      <BigNumber value={ticket?.number} label={ticket ? t('desk.current') : t('desk.none')} size="l" />
      {ticket && (
        <div className="desk__facts">
          <div>
            <strong>{t(`ticket.status.${ticket.status}`)}</strong>
            {service && <> · {serviceName(service, lang)}</>}
            {ticket.priority && <span className="desk__tag">{priorityLabel(priorities, ticket.priority, lang)}</span>}
            {ticket.channel === 'appointment' && ticket.appointmentAt && <span className="desk__tag desk__tag--booked">{say(lang, 'bookingTag', { time: ticket.appointmentAt.slice(11, 16) })}</span>}
          </div>
          <div className="desk__timer">
            {t('desk.calledFor', { time: durationText(secondsSince(ticket.calledAt, now), lang) })}
            {ticket.callCount > 1 && <> · {t('desk.callCount', { n: ticket.callCount })}</>}
          </div>
          {ticket.startedAt && <div className="desk__timer">{t('desk.servingFor', { time: durationText(secondsSince(ticket.startedAt, now), lang) })}</div>}
        </div>
      )}
      {serving && (
        <form
          className="desk__finish"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <label className="qms-field">
            <span>{t('desk.dossierCode')}</span>
            <input name="dossierCode" value={dossierCode} maxLength={64} autoComplete="off" placeholder={t('desk.dossierHint')} onChange={(e) => onDossierCode(e.target.value)} />
          </label>
          <label className="qms-field">
            <span>{t('desk.procedure')}</span>
            <input name="procedure" value={procedure} maxLength={200} list="desk-procedures" autoComplete="off" placeholder={t('desk.procedureHint')} onChange={(e) => onProcedure(e.target.value)} />
          </label>
          <datalist id="desk-procedures">
            {procedures.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <button type="submit" hidden tabIndex={-1} />
        </form>
      )}
    </section>
  );
}

/** Procedures this counter recorded before, most used first; asked again for each new ticket. */
function useProcedures(counterId: number, ticketId: string | undefined): string[] {
  const [list, setList] = useState<string[]>([]);
  useEffect(() => {
    if (!ticketId) return;
    let live = true;
    apiFetch<ProceduresDto>(`/api/counters/${counterId}/procedures`).then((r) => live && setList(r.procedures), () => undefined);
    return () => {
      live = false;
    };
  }, [counterId, ticketId]);
  return list;
}
