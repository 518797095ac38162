import type { Snapshot } from '@qms/protocol';
import { BigNumber, queryInt, ScreenShell, useFloor, useLang } from '@qms/ui-kit';

// The tablet at a counter knows its counter from its address (`?counter=3`).
const counterId = queryInt('counter');

export function App() {
  const floor = useFloor(counterId ? { role: 'rating', counterId } : { role: 'rating' });
  const { t } = useLang();
  return (
    <ScreenShell snapshot={floor.snapshot} connected={floor.connected} error={floor.error} title={t('rating.title')} className="rating">
      {(snapshot) => <Counter snapshot={snapshot} />}
    </ScreenShell>
  );
}

function Counter({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useLang();
  if (counterId === undefined) return <p className="qms-error">{t('query.counterMissing')}</p>;
  const counter = snapshot.counters.find((c) => c.id === counterId);
  if (!counter) return <p className="qms-error">{t('query.counterNotFound', { n: counterId })}</p>;
  const ticket = counter.currentTicket;
  return (
    <div className="rating__body">
      <div className="rating__counter">{t('counter.label', { n: counter.number })}</div>
      <div className="rating__officer">
        <span className="rating__officer-label">{t('rating.officer')}</span>
        <span className="rating__officer-name">{counter.staff?.name ?? t('counter.noStaff')}</span>
      </div>
      <BigNumber value={ticket?.number} label={t('rating.current')} size="xl" />
      {ticket && <div className="rating__status">{t(`ticket.status.${ticket.status}`)}</div>}
      <p className="qms-notice rating__soon">{t('rating.comingSoon')}</p>
    </div>
  );
}
