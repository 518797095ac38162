import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '@qms/ui-kit';

/** Alerts when this many people or fewer are ahead. */
export const NEAR_AHEAD = 3;

const words = {
  vi: {
    arm: 'Báo khi sắp đến lượt',
    armHint: 'Điện thoại sẽ rung và kêu khi còn {n} người trước ông/bà, và khi đến lượt.',
    armed: 'Đã bật báo. Xin giữ trang này mở; điện thoại sẽ rung và kêu khi sắp đến lượt ông/bà.',
    near: 'Sắp đến lượt ông/bà! Xin quay lại gần quầy.',
    counter: 'Quầy',
  },
  en: {
    arm: 'Alert me when my turn is near',
    armHint: 'Your phone will vibrate and ring when {n} or fewer people are ahead, and when you are called.',
    armed: 'Alert on. Keep this page open; your phone will vibrate and ring when your turn is near.',
    near: 'Your turn is near! Please come back close to the counters.',
    counter: 'Counter',
  },
} as const;

type Kind = 'near' | 'called';
/** What the alert did, for tests and support staff: `window.__qmsPhoneAlerts`. */
interface AlertRecord {
  kind: Kind;
  vibrated: boolean;
  sound: boolean;
}
declare global {
  interface Window {
    __qmsPhoneAlerts?: AlertRecord[];
  }
}

const PATTERN: Record<Kind, number[]> = { near: [300, 150, 300], called: [700, 200, 700, 200, 700] };

/**
 * A two-tone chime made in the page (Web Audio): nothing is fetched, nothing leaves the center's Wi-Fi. Soft attack
 * and release, so it does not click.
 */
function chime(ctx: AudioContext, times: number): void {
  const start = ctx.currentTime + 0.05;
  for (let i = 0; i < times; i++) {
    for (const [j, freq] of [880, 660].entries()) {
      const at = start + i * 0.9 + j * 0.35;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.6, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.001, at + 0.33);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.35);
    }
  }
}

interface TicketState {
  id: string;
  status: string;
  waitingAhead: number | null;
}

/**
 * "Báo khi sắp đến lượt": one tap (which also lets the page vibrate and play sound), then the phone vibrates and
 * chimes once when `NEAR_AHEAD` or fewer are ahead, and again when the number is called.
 */
export function TurnAlert({ ticket, lang }: { ticket: TicketState; lang: Lang }) {
  const w = words[lang];
  const [armed, setArmed] = useState(false);
  const audio = useRef<AudioContext | null>(null);
  const done = useRef(new Set<Kind>());

  const alert = useCallback((kind: Kind) => {
    if (done.current.has(kind)) return;
    done.current.add(kind);
    // Feature-detected: iPhones have no vibration; they still get the chime.
    // eslint-disable-next-line compat/compat
    const vibrated = typeof navigator.vibrate === 'function' ? navigator.vibrate(PATTERN[kind]) : false;
    let sound = false;
    if (audio.current && audio.current.state !== 'closed') {
      chime(audio.current, kind === 'called' ? 3 : 1);
      sound = true;
    }
    (window.__qmsPhoneAlerts ??= []).push({ kind, vibrated, sound });
  }, []);

  const near = ticket.status === 'waiting' && ticket.waitingAhead !== null && ticket.waitingAhead <= NEAR_AHEAD;
  useEffect(() => {
    if (!armed) return;
    if (near) alert('near');
    if (ticket.status === 'called') alert('called');
  }, [armed, near, ticket.status, alert]);

  useEffect(() => () => void audio.current?.close(), []);

  const arm = () => {
    // Created in the tap: phones allow sound (and vibration) only after the user touched the page.
    // Feature-detected: Safari before 14.1 has only webkitAudioContext.
    // eslint-disable-next-line compat/compat
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Ctx && !audio.current) {
      audio.current = new Ctx();
      void audio.current.resume();
    }
    setArmed(true);
  };

  if (ticket.status !== 'waiting' && !(armed && ticket.status === 'called')) return null;
  if (!armed) {
    return (
      <div className="phone__alert">
        <button type="button" className="qms-btn qms-btn--primary phone__alert-arm" onClick={arm}>
          {w.arm}
        </button>
        <p className="phone__alert-hint">{w.armHint.replace('{n}', String(NEAR_AHEAD))}</p>
      </div>
    );
  }
  if (ticket.status !== 'waiting') return null;
  return (
    <div className={`phone__alert${near ? ' phone__alert--near' : ''}`} role="status">
      {near ? w.near : w.armed}
    </div>
  );
}

/** The counter, very large, once the number is called: read at a glance while walking. */
export function CalledCounter({ n, lang }: { n: string | number; lang: Lang }) {
  return (
    <div className="phone__counter-big">
      <span>{words[lang].counter}</span>
      <b>{n}</b>
    </div>
  );
}
