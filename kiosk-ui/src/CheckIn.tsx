import { appointmentCodeAlphabet, appointmentCodeLength } from '@qms/protocol';
import { errorText, useLang } from '@qms/ui-kit';
import { unanswered } from './issue';
import { word } from './words';

/** Digits first, then letters: the code's own alphabet only, so no key can make a code that cannot exist. */
const keys = appointmentCodeAlphabet.split('');

/**
 * The on-screen keypad for a booking code, made for elderly citizens: big keys, only the characters a code can
 * have, the code in six large boxes. A scanner works here too (and from the start screen, with no touch at all).
 */
export function CodeKeypad({ typed, problem, onType, onSubmit, onClose }: { typed: string; problem: string | null; onType: (typed: string) => void; onSubmit: () => void; onClose: () => void }) {
  const { lang } = useLang();
  const full = typed.length === appointmentCodeLength;
  return (
    <div className="kiosk-overlay" role="dialog" aria-modal="true" aria-label={word(lang, 'checkinTitle')}>
      <div className="kiosk-card kiosk-checkin">
        <h2 className="kiosk-card__title">{word(lang, 'checkinTitle')}</h2>
        <p className="kiosk-checkin__how">{word(lang, 'checkinHow')}</p>
        <div className="kiosk-code" data-testid="typed-code" aria-live="polite" aria-label={typed}>
          {Array.from({ length: appointmentCodeLength }, (_, i) => (
            <span key={i} className={`kiosk-code__box${i === typed.length ? ' kiosk-code__box--next' : ''}`}>
              {typed[i] ?? ''}
            </span>
          ))}
        </div>
        {problem && (
          <p className="kiosk-checkin__problem" role="alert">
            {problem}
          </p>
        )}
        <div className="kiosk-keys">
          {keys.map((k) => (
            <button key={k} type="button" className="kiosk-key" data-key={k} disabled={full} onClick={() => onType(typed + k)}>
              {k}
            </button>
          ))}
        </div>
        <div className="kiosk-keys__row">
          <button type="button" className="kiosk-key kiosk-key--wide" disabled={typed.length === 0} onClick={() => onType(typed.slice(0, -1))}>
            ⌫ {word(lang, 'keyDelete')}
          </button>
          <button type="button" className="kiosk-key kiosk-key--wide" disabled={typed.length === 0} onClick={() => onType('')}>
            {word(lang, 'keyClear')}
          </button>
        </div>
        <div className="kiosk-card__footer">
          <button type="button" className="kiosk-done kiosk-done--plain" onClick={onClose}>
            {word(lang, 'back')}
          </button>
          <button type="button" className="kiosk-done" data-check-in disabled={!full} onClick={onSubmit}>
            {word(lang, 'checkinGo')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Early, not today, unknown code, cancelled: the server's plain sentence, and the two ways on. */
export function CheckInRefused({ error, onRetype, onWalkIn }: { error: unknown; onRetype: () => void; onWalkIn: () => void }) {
  const { lang } = useLang();
  return (
    <div className="kiosk-overlay" role="dialog" aria-modal="true" aria-label={word(lang, 'checkinRefused')}>
      <div className="kiosk-card kiosk-card--refused" data-testid="check-in-refused">
        <h2 className="kiosk-card__title">{word(lang, 'checkinRefused')}</h2>
        <p className="kiosk-card__error" role="alert">
          {unanswered(error) ? word(lang, 'noAnswer') : errorText(error, lang)}
        </p>
        <div className="kiosk-card__footer">
          <button type="button" className="kiosk-done kiosk-done--plain" onClick={onRetype}>
            {word(lang, 'retypeCode')}
          </button>
          <button type="button" className="kiosk-done" onClick={onWalkIn}>
            {word(lang, 'walkIn')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** "Tôi đã đặt lịch" on the start screen. */
export function CheckInButton({ disabled, onOpen }: { disabled: boolean; onOpen: () => void }) {
  const { lang } = useLang();
  return (
    <button type="button" className="kiosk-booked" data-testid="check-in-button" disabled={disabled} onClick={onOpen}>
      <span className="kiosk-booked__title">{word(lang, 'checkinButton')}</span>
      <span className="kiosk-booked__hint">{word(lang, 'checkinButtonHint')}</span>
    </button>
  );
}
