import { useEffect, useRef, useState } from 'react';
import type { RatingLevel, RatingQuestionDto } from '@qms/protocol';
import type { Lang } from '@qms/ui-kit';
import { Face } from './Face';
import { say } from './words';

export interface RatingAnswer {
  level: RatingLevel;
  reasons: string[];
  comment: string;
}

interface Props {
  question: RatingQuestionDto;
  /** The question line, shown above the levels (the reasons step has its own). */
  title: string;
  lang: Lang;
  onAnswer: (answer: RatingAnswer) => void;
  /** Counter devices count down; the phone page does not. */
  timed?: { secondsLeft: number; onTimeout: () => void };
  busy?: boolean;
}

/** The levels as big buttons; on a low level, the reasons and a comment; one answer per ticket. */
export function RatingForm({ question, title, lang, onAnswer, timed, busy = false }: Props) {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const current = (): RatingAnswer => ({ level: level ?? 'satisfied', reasons, comment });
  // When the reasons step runs out, the level already tapped is still the citizen's answer.
  const countdown = timed && (
    <Countdown
      key={level ?? 'levels'}
      seconds={level ? question.reasonSeconds : timed.secondsLeft}
      lang={lang}
      onZero={() => (level ? onAnswer(current()) : timed.onTimeout())}
    />
  );

  const pick = (l: RatingLevel) => {
    if (busy) return;
    if (question.askReasonsFor.includes(l)) setLevel(l);
    else onAnswer({ level: l, reasons: [], comment: '' });
  };

  if (level) {
    const toggle = (id: string) => setReasons((rs) => (rs.includes(id) ? rs.filter((r) => r !== id) : [...rs, id]));
    return (
      <div className="form form--reasons">
        <h2 className="form__title">{say(lang, 'reasonsTitle')}</h2>
        <div className="reasons">
          {question.reasons.map((r) => (
            <button key={r.id} type="button" className={`reason${reasons.includes(r.id) ? ' reason--on' : ''}`} aria-pressed={reasons.includes(r.id)} onClick={() => toggle(r.id)}>
              {r[lang]}
            </button>
          ))}
        </div>
        <label className="comment">
          <span>{say(lang, 'commentLabel')}</span>
          <textarea value={comment} maxLength={1000} rows={2} onChange={(e) => setComment(e.target.value)} />
        </label>
        <button type="button" className="send" disabled={busy} onClick={() => onAnswer(current())}>
          {say(lang, 'send')}
        </button>
        {countdown}
      </div>
    );
  }
  return (
    <div className="form">
      <h1 className="rating__question">{title}</h1>
      <div className={`levels levels--${question.levels.length}`}>
        {question.levels.map((l) => (
          <button key={l.level} type="button" className={`level level--${l.level}`} disabled={busy} onClick={() => pick(l.level)}>
            <Face level={l.level} />
            <span className="level__label">{l[lang]}</span>
          </button>
        ))}
      </div>
      {countdown}
    </div>
  );
}

/** Seconds left, counted on this device; calls `onZero` once. Remount (new `key`) to restart. */
function Countdown({ seconds, lang, onZero }: { seconds: number; lang: Lang; onZero: () => void }) {
  const [left, setLeft] = useState(seconds);
  const zero = useRef(onZero);
  useEffect(() => {
    zero.current = onZero;
  });
  useEffect(() => {
    const until = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const next = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(next);
      if (next === 0) {
        clearInterval(timer);
        zero.current();
      }
    }, 500);
    return () => clearInterval(timer);
  }, [seconds]);
  return <div className="countdown">{say(lang, 'secondsLeft', { s: left })}</div>;
}
