import { useState } from 'react';
import type { CounterDto } from '@qms/protocol';
import { apiFetch, errorText, useLang } from '@qms/ui-kit';
import { Dialog } from './dialogs';
import { useWords } from './words';

/**
 * Asked when the officer signs out while the counter is open or paused under them: a counter left open keeps
 * its keypad calling for them. Closing is refused while a ticket is in hand.
 */
export function SignOutDialog({ counter, signOut, onCancel }: { counter: CounterDto; signOut: () => Promise<void>; onCancel: () => void }) {
  const { lang } = useLang();
  const w = useWords();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ticket = counter.currentTicket;

  async function leave(close: boolean) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      if (close) await apiFetch<unknown>(`/api/counters/${counter.id}/close`, { method: 'POST', idempotent: true });
      await signOut();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog title={w('signOutTitle', { n: counter.number })} onClose={onCancel}>
      <p>{w('signOutOpen', { n: counter.number })}</p>
      {ticket && (
        <p className="desk-dialog__warn" role="status">
          {w('signOutBusy', { number: ticket.number })}
        </p>
      )}
      <div className="desk-dialog__choices">
        <button type="button" className="qms-btn qms-btn--primary" data-sign-out-choice="close" disabled={busy || !!ticket} onClick={() => void leave(true)}>
          {w('closeAndSignOut')}
        </button>
        <button type="button" className="qms-btn" data-sign-out-choice="only" disabled={busy} onClick={() => void leave(false)}>
          {w('justSignOut')}
        </button>
      </div>
      {error !== null && (
        <p className="qms-error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
    </Dialog>
  );
}
