import type { CallDto, Snapshot } from '@qms/protocol';
import { pairedDevice, queryIntList, ScreenShell, useFloor, useFloorEvent, useLang, useToken } from '@qms/ui-kit';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { afterPaint } from './after-paint';
import { Hall } from './Hall';
import { SoundOverlay } from './SoundOverlay';
import { useAnnouncer } from './voice/useAnnouncer';

// Read once: a display's counters are part of its address (`?counters=1,2,3`), a floor or a wing, or of its pairing.
const countersFromAddress = queryIntList('counters');

export function App() {
  const token = useToken();
  // Read when the token changes, not on every message: the stored pairing is parsed from localStorage.
  const counterIds = useMemo(() => pairedDevice(token)?.counterIds ?? countersFromAddress, [token]);
  const auth = counterIds ? { role: 'display' as const, counterIds } : { role: 'display' as const };
  const { t } = useLang();
  const floor = useFloor(auth);
  const { announce, catchUp, unlocked, unlock } = useAnnouncer(floor.snapshot?.display);
  const mine = (counterId: number) => !counterIds || counterIds.includes(counterId);
  // Live calls are announced as they arrive, just after the render that shows them is painted; a snapshot (every
  // reconnect) brings the ones missed while away.
  const heard = useRef<CallDto[]>([]);
  useFloorEvent(floor.subscribe, (e) => {
    if (e.type === 'ticket.called' && mine(e.call.counterId)) heard.current.push(e.call);
  });
  useLayoutEffect(() => {
    if (heard.current.length === 0) return;
    const calls = heard.current.splice(0);
    afterPaint(() => calls.forEach((call) => announce(call)));
  });
  const snapshot = floor.snapshot;
  useEffect(() => {
    // After the live calls handed over above (each event's snapshot passes here too): those are not "missed".
    if (snapshot) afterPaint(() => catchUp(snapshot, (id) => !counterIds || counterIds.includes(id)));
  }, [snapshot, catchUp, counterIds]);

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
