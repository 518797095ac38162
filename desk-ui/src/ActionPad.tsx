import type { CounterDto } from '@qms/protocol';
import { useLang } from '@qms/ui-kit';
import { actions, allowed, type ActionId } from './actions';
import { useWords } from './words';

/** The column of actions, each with its key. "Nhận quầy N" leads it while the counter is not this officer's. */
export function ActionPad({ counter, mine, busy, onRun }: { counter: CounterDto; mine: boolean; busy: string | null; onRun: (id: ActionId) => void }) {
  const { t } = useLang();
  const w = useWords();
  const shown = actions.filter((a) => {
    if (a.inQueue) return false;
    if (a.id === 'pause') return counter.status !== 'paused';
    if (a.id === 'resume') return counter.status === 'paused';
    if (a.id === 'sign-in') return !mine || counter.status === 'closed';
    return true;
  });
  const ordered = [...shown.filter((a) => a.id === 'sign-in'), ...shown.filter((a) => a.id !== 'sign-in')];
  return (
    <section className="desk__actions" aria-label={t('desk.title')} title={t('desk.shortcutHint')}>
      {ordered.map((a) => (
        <button
          key={a.id}
          type="button"
          data-action={a.id}
          className={`qms-btn desk__btn ${a.id === 'sign-in' ? 'qms-btn--primary' : (a.variant ?? '')}`}
          disabled={busy !== null || !allowed(a.id, counter, mine)}
          onClick={() => onRun(a.id)}
          aria-keyshortcuts={a.key}
        >
          <span className="desk__btn-label">{busy === a.id ? '…' : a.id === 'sign-in' ? w('takeCounter', { n: counter.number }) : t(a.label)}</span>
          <kbd className="desk__kbd">{a.key}</kbd>
        </button>
      ))}
    </section>
  );
}
