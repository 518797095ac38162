import { useCallback, useEffect, useRef, useState } from 'react';
import type { CounterDto, RatingPromptDto, RatingQuestionDto, Snapshot } from '@qms/protocol';
import { apiFetch, ApiError, BigNumber, errorText, queryInt, queryParam, ScreenShell, useDemoFlag, useFloor, useFloorEvent, useLang, useToken, PairingGate, pairedDevice } from '@qms/ui-kit';
import { Officer } from './Officer';
import { RatingForm, type RatingAnswer } from './RatingForm';
import { useRatingQuestion } from './question';
import { say } from './words';

type Prompt = NonNullable<RatingPromptDto['prompt']>;
type Phase = { kind: 'rest' } | { kind: 'ask'; prompt: Prompt } | { kind: 'thanks' } | { kind: 'error'; message: string };

// The tablet at a counter knows its counter from its address (`?counter=3`) and its device token (`?token=`, remembered).
const counterFromAddress = queryInt('counter');

/** A tablet paired with a code knows its counter from the pairing; one set up by address from `?counter=`. */
export function Tablet() {
  const token = useToken();
  const counterId = pairedDevice(token)?.counterId ?? counterFromAddress;
  return (
    <PairingGate kind="rating" counterId={counterFromAddress ?? null}>
      {counterId === undefined || counterId === null ? <CounterMissing /> : <CounterTablet key={counterId} counterId={counterId} />}
    </PairingGate>
  );
}

/**
 * Without a counter number the server refuses the tablet's socket (`counter_required`), so instead of waiting for
 * data that never comes, the page says how to fix its address. It does not connect at all.
 */
function CounterMissing() {
  const { t, lang } = useLang();
  // Remembers a `?token=` given with the address (and takes it out of the bar), so adding `?counter=` is enough.
  useToken();
  const demo = useDemoFlag();
  const raw = queryParam('counter');
  const example = `${window.location.pathname}?counter=1`;
  return (
    <ScreenShell snapshot={null} connected={false} live={false} demo={demo} title={t('rating.title')} className="rating">
      <div className="rating__setup" role="alert">
        <h1>{raw !== null && raw.trim() !== '' ? say(lang, 'counterInvalid', { raw: raw.trim().slice(0, 20) }) : say(lang, 'counterMissing')}</h1>
        <p className="rating__setup-how">{say(lang, 'counterHow', { example })}</p>
        <p className="rating__setup-sub">{say(lang, 'counterHowSub')}</p>
      </div>
    </ScreenShell>
  );
}

function CounterTablet({ counterId }: { counterId: number }) {
  const floor = useFloor({ role: 'rating', counterId });
  const { t, lang } = useLang();
  const demo = useDemoFlag();
  // The scale may change while the tablet runs: ask again after a setup change and after a reconnect (a change
  // may have been missed while away).
  const [setupVersion, setSetupVersion] = useState(0);
  useFloorEvent(floor.subscribe, (e) => {
    if (e.type === 'setup.updated') setSetupVersion((v) => v + 1);
  });
  const question = useRatingQuestion(`${setupVersion}|${floor.connected}`);
  // The token is another counter's (`forbidden`): no data will ever come, so say what to check instead of loading.
  if (floor.error === 'forbidden') {
    return (
      <ScreenShell snapshot={null} connected={false} live={false} demo={demo} title={t('rating.title')} className="rating">
        <div className="rating__setup" role="alert">
          <h1>{say(lang, 'counterWrong')}</h1>
          <p className="rating__setup-sub">{say(lang, 'counterWrongSub', { n: counterId })}</p>
        </div>
      </ScreenShell>
    );
  }
  return (
    <ScreenShell snapshot={floor.snapshot} connected={floor.connected} error={floor.error} title={t('rating.title')} className="rating">
      {(snapshot) => <CounterRating counterId={counterId} snapshot={snapshot} question={question} subscribe={floor.subscribe} connected={floor.connected} />}
    </ScreenShell>
  );
}

interface Props {
  counterId: number;
  snapshot: Snapshot;
  question: RatingQuestionDto | null;
  subscribe: ReturnType<typeof useFloor>['subscribe'];
  connected: boolean;
}

function CounterRating({ counterId, snapshot, question, subscribe, connected }: Props) {
  const { t, lang } = useLang();
  const [phase, setPhase] = useState<Phase>({ kind: 'rest' });
  const [busy, setBusy] = useState(false);
  const phaseRef = useRef(phase);
  useEffect(() => {
    phaseRef.current = phase;
  }, [phase]);
  const counter = snapshot.counters.find((c) => c.id === counterId);

  const show = useCallback((next: Phase, backToRestAfterSeconds?: number) => {
    setPhase(next);
    if (backToRestAfterSeconds) setTimeout(() => setPhase((p) => (p === next ? { kind: 'rest' } : p)), backToRestAfterSeconds * 1000);
  }, []);

  // The server decides what to ask: after a finish, and after every (re)connect in case a finish was missed.
  const loadPrompt = useCallback(() => {
    apiFetch<RatingPromptDto>(`/api/ratings/prompt?counterId=${counterId}`)
      .then(({ prompt }) => {
        const now = phaseRef.current;
        if (prompt && (now.kind !== 'ask' || now.prompt.ticketId !== prompt.ticketId)) setPhase({ kind: 'ask', prompt });
        if (!prompt && now.kind === 'ask') setPhase({ kind: 'rest' });
      })
      .catch(() => undefined);
  }, [counterId]);

  useEffect(() => {
    if (connected) loadPrompt();
  }, [connected, loadPrompt]);

  useFloorEvent(subscribe, (event) => {
    if (event.type === 'ticket.updated' && event.change === 'finished' && event.ticket.counterId === counterId) loadPrompt();
    const asked = phaseRef.current.kind === 'ask' ? phaseRef.current.prompt.ticketId : null;
    if ((event.type === 'rating.received' || event.type === 'rating.skipped') && event.ticketId === asked && !busy) {
      show(event.type === 'rating.received' ? { kind: 'thanks' } : { kind: 'rest' }, question?.thanksSeconds ?? 5);
    }
  });

  const answer = (prompt: Prompt) => (a: RatingAnswer) => {
    setBusy(true);
    const body = { ticketId: prompt.ticketId, level: a.level, ...(a.reasons.length ? { reasons: a.reasons } : {}), ...(a.comment.trim() ? { comment: a.comment.trim() } : {}) };
    // then(ok, fail), not finally(): Promise.prototype.finally came with Chrome 63, older tablets lack it.
    apiFetch('/api/ratings', { method: 'POST', json: body }).then(
      () => {
        setBusy(false);
        show({ kind: 'thanks' }, question?.thanksSeconds ?? 5);
      },
      (e: unknown) => {
        setBusy(false);
        // A lost reply retried, or the box at the same counter was quicker: the ticket is rated either way.
        if (e instanceof ApiError && e.code === 'already_rated') show({ kind: 'thanks' }, question?.thanksSeconds ?? 5);
        else show({ kind: 'error', message: errorText(e, lang) }, 6);
      },
    );
  };

  if (!counter) return <p className="qms-error">{t('query.counterNotFound', { n: counterId })}</p>;
  if (phase.kind === 'ask' && question) {
    return (
      <div className="rating__ask">
        <div className="rating__ask-head">
          <span>{say(lang, 'counter', { n: counter.number })}</span>
          <span>{say(lang, 'forTicket', { n: phase.prompt.number })}</span>
          {phase.prompt.staffName && <span>{say(lang, 'servedBy', { name: phase.prompt.staffName })}</span>}
        </div>
        <RatingForm
          title={say(lang, 'question')}
          key={phase.prompt.ticketId}
          question={question}
          lang={lang}
          busy={busy}
          onAnswer={answer(phase.prompt)}
          timed={{ secondsLeft: phase.prompt.secondsLeft, onTimeout: () => setPhase({ kind: 'rest' }) }}
        />
      </div>
    );
  }
  if (phase.kind === 'thanks') {
    return (
      <div className="rating__thanks">
        <div className="rating__thanks-mark" aria-hidden="true">✓</div>
        <h1>{say(lang, 'thanks')}</h1>
        <p>{say(lang, 'thanksSub')}</p>
      </div>
    );
  }
  return <Rest counter={counter} error={phase.kind === 'error' ? phase.message : null} />;
}

function Rest({ counter, error }: { counter: CounterDto; error: string | null }) {
  const { lang } = useLang();
  const ticket = counter.currentTicket;
  return (
    <div className="rating__rest">
      <div className="rating__counter">{say(lang, 'counter', { n: counter.number })}</div>
      <Officer staff={counter.staff} />
      <BigNumber value={ticket && ticket.status !== 'done' ? ticket.number : null} label={say(lang, 'serving')} size="xl" />
      {error ? <p className="qms-error">{error}</p> : <p className="rating__hint">{say(lang, 'restHint')}</p>}
    </div>
  );
}
