import { useCallback, useEffect, useRef, useState } from 'react';
import type { CounterDto, ServiceDto, TicketRatingDto, TicketWithEventsDto } from '@qms/protocol';
import type { z } from 'zod';
import { DemoBadge, getLang, LangSwitch, queryParam, serviceName, useLang, type Lang } from '@qms/ui-kit';
import { RatingForm, type RatingAnswer } from './RatingForm';
import { useRatingQuestion } from './question';
import { CalledCounter, TurnAlert } from './TurnAlert';
import { say } from './words';

type Ticket = z.infer<typeof TicketWithEventsDto>;
const POLL_MS = 5000;
const ticketId = queryParam('ticket');
// The ticket's rating key, from its QR: without it the page still follows the queue but cannot rate.
const ratingKey = queryParam('k');

// The citizen's phone is anonymous: it must never send a tablet's or an officer's stored token.
async function getJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { credentials: 'omit', ...init, headers: { Accept: 'application/json', 'Accept-Language': getLang(), ...(init.headers ?? {}) } });
  const body = (await res.json().catch(() => null)) as T | { error?: { code: string; message: string } } | null;
  if (!res.ok) throw Object.assign(new Error((body as { error?: { message: string } } | null)?.error?.message ?? `HTTP ${res.status}`), { status: res.status, code: (body as { error?: { code: string } } | null)?.error?.code });
  return body as T;
}

/** The page behind the ticket's QR: live place in the queue while waiting, then the same rating as the counter tablet. */
export function Phone() {
  const { lang } = useLang();
  // Asked again at each poll once the ticket is served: the admin may change the scale meanwhile.
  const [questionVersion, setQuestionVersion] = useState(0);
  const question = useRatingQuestion(questionVersion);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [rating, setRating] = useState<TicketRatingDto | null>(null);
  const [counters, setCounters] = useState<CounterDto[]>([]);
  // The fields' names in both languages (the ticket carries only the Vietnamese one); asked for until they come.
  const [services, setServices] = useState<ServiceDto[] | null>(null);
  const servicesAsked = useRef(false);
  const [problem, setProblem] = useState<'missing' | 'offline' | null>(ticketId ? null : 'missing');
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!ticketId) return;
    try {
      const t = await getJson<Ticket>(`/api/tickets/${encodeURIComponent(ticketId)}`);
      setTicket(t);
      if (t.status === 'done') {
        setRating(await getJson<TicketRatingDto>(`/api/tickets/${encodeURIComponent(ticketId)}/rating`));
        setQuestionVersion((v) => v + 1);
      }
      if (t.counterId !== null) setCounters(await getJson<CounterDto[]>('/api/counters'));
      // While waiting, the fields are asked again: one may be stopped for today (the reason is shown).
      if (!servicesAsked.current || t.status === 'waiting') {
        servicesAsked.current = true;
        getJson<ServiceDto[]>('/api/services').then(setServices, () => {
          servicesAsked.current = false;
        });
      }
      setProblem(null);
    } catch (e) {
      setProblem((e as { status?: number }).status === 404 ? 'missing' : 'offline');
    }
  }, []);

  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);

  const send = (a: RatingAnswer) => {
    if (!ticketId) return;
    setBusy(true);
    setSendError(null);
    const body = {
      ticketId,
      level: a.level,
      ...(a.reasons.length ? { reasons: a.reasons } : {}),
      ...(a.comment.trim() ? { comment: a.comment.trim() } : {}),
      ...(ratingKey ? { key: ratingKey } : {}),
    };
    const done = () => {
      setBusy(false);
      void refresh();
    };
    // then(ok, fail), not finally(): Promise.prototype.finally came with Chrome 63, older tablets lack it.
    getJson('/api/ratings', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }).then(done, (e: Error) => {
      setSendError(e.message);
      done();
    });
  };

  const counterNumber = (id: number | null) => counters.find((c) => c.id === id)?.number ?? id ?? '';
  const service = ticket && services?.find((s) => s.id === ticket.serviceId);
  const asking = ticket?.status === 'done' && rating !== null && !rating.rating && !rating.blockedBy && !!ratingKey && question !== null;
  return (
    <div className={`phone${asking ? ' phone--asking' : ''}`}>
      <header className="phone__head">
        <span>{say(lang, 'phoneTitle')}</span>
        <LangSwitch />
      </header>
      {problem === 'missing' && <p className="qms-error">{say(lang, 'ticketMissing')}</p>}
      {problem === 'offline' && <p className="qms-notice">{say(lang, 'offline')}</p>}
      {ticket && (
        <main className="phone__main">
          <div className="phone__ticket">
            <div className="phone__number">{ticket.number}</div>
            <div className="phone__service">{service ? serviceName(service, lang) : ticket.serviceName}</div>
          </div>
          {service?.closedReason === 'stopped_today' && ticket.status === 'waiting' && (
            <p className="qms-notice phone__stopped" role="status">
              {say(lang, 'stoppedToday', { reason: service.stoppedReason ?? '' })}
            </p>
          )}
          <Status ticket={ticket} lang={lang} counterNumber={counterNumber} />
          {ticket.status === 'called' && <CalledCounter n={counterNumber(ticket.counterId)} lang={lang} />}
          <TurnAlert ticket={ticket} lang={lang} />
          {ticket.status === 'done' && rating && question && (
            <PhoneRating rating={rating} lang={lang} question={question} busy={busy} onAnswer={send} />
          )}
          {sendError && <p className="qms-error">{sendError}</p>}
          <p className="phone__hint">{say(lang, 'liveHint')}</p>
        </main>
      )}
      <DemoFlag />
    </div>
  );
}

function Status({ ticket, lang, counterNumber }: { ticket: Ticket; lang: Lang; counterNumber: (id: number | null) => string | number }) {
  const n = counterNumber(ticket.counterId);
  switch (ticket.status) {
    case 'waiting':
      return <div className="phone__status">{ticket.waitingAhead ? say(lang, 'ahead', { n: ticket.waitingAhead }) : say(lang, 'aheadNone')}</div>;
    case 'called':
      return <div className="phone__status phone__status--call">{say(lang, 'called', { n })}</div>;
    case 'serving':
      return <div className="phone__status">{say(lang, 'servingAt', { n })}</div>;
    case 'on_hold':
      return <div className="phone__status">{say(lang, 'onHold')}</div>;
    case 'no_show':
      return <div className="phone__status">{say(lang, 'noShow')}</div>;
    case 'cancelled':
      return <div className="phone__status">{say(lang, 'cancelled')}</div>;
    case 'done':
      return null;
  }
}

function PhoneRating(props: { rating: TicketRatingDto; lang: Lang; question: NonNullable<ReturnType<typeof useRatingQuestion>>; busy: boolean; onAnswer: (a: RatingAnswer) => void }) {
  const { rating, lang, question } = props;
  if (rating.rating) {
    const label = question.levels.find((l) => l.level === rating.rating!.level)?.[lang] ?? rating.rating.level;
    return <div className="phone__status phone__status--done">{say(lang, 'rated', { level: label })}</div>;
  }
  if (rating.blockedBy === 'rating_window_closed') return <div className="phone__status">{say(lang, 'windowClosed')}</div>;
  if (rating.blockedBy) return null;
  if (!ratingKey) return <div className="phone__status phone__status--key">{say(lang, 'keyMissing')}</div>;
  return (
    <div className="phone__rate">
      <RatingForm title={say(lang, 'question')} question={question} lang={lang} busy={props.busy} onAnswer={props.onAnswer} />
    </div>
  );
}

function DemoFlag() {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    getJson<{ demo: boolean }>('/api/health').then((h) => setDemo(h.demo)).catch(() => undefined);
  }, []);
  return demo ? <DemoBadge /> : null;
}
