import type { Snapshot } from '@qms/protocol';
import { pairedDevice, queryIntList, ScreenShell, useFloor, useFloorEvent, useLang, useToken } from '@qms/ui-kit';
import { Hall } from './Hall';
import { SoundOverlay } from './SoundOverlay';
import { useAnnouncer } from './voice/useAnnouncer';

// Read once: a display's counters are part of its address (`?counters=1,2,3`), a floor or a wing, or of its pairing.
const countersFromAddress = queryIntList('counters');

export function App() {
  const counterIds = pairedDevice(useToken())?.counterIds ?? countersFromAddress;
  const auth = counterIds ? { role: 'display' as const, counterIds } : { role: 'display' as const };
  const { t } = useLang();
  const floor = useFloor(auth);
  const { announce, unlocked, unlock } = useAnnouncer(floor.snapshot?.display);
  // Only live calls are announced, each as it arrives; a snapshot (sent on every reconnect) holds history.
  useFloorEvent(floor.subscribe, (e) => {
    if (e.type === 'ticket.called' && (!counterIds || counterIds.includes(e.call.counterId))) announce(e.call);
  });

  return (
    <ScreenShell snapshot={floor.snapshot} connected={floor.connected} error={floor.error} title={t('display.title')} className={floor.snapshot?.demo ? 'display display--demo' : 'display'}>
      {(snapshot: Snapshot) => (
        <>
          <Hall snapshot={snapshot} counterIds={counterIds} />
          {!unlocked && snapshot.display?.sound !== false && <SoundOverlay onUnlock={unlock} />}
        </>
      )}
    </ScreenShell>
  );
}
