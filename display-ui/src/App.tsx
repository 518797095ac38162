import { useCallback, useEffect, useRef } from 'react';
import type { CallDto, Snapshot } from '@qms/protocol';
import { queryIntList, ScreenShell, useLang } from '@qms/ui-kit';
import { useHallFeed } from './hall-feed';
import { Hall } from './Hall';
import { SoundOverlay } from './SoundOverlay';
import { useAnnouncer } from './voice/useAnnouncer';

// Read once: a display's counters are part of its address (`?counters=1,2,3`), a floor or a wing.
const counterIds = queryIntList('counters');
const auth = counterIds ? { role: 'display' as const, counterIds } : { role: 'display' as const };

export function App() {
  const { t } = useLang();
  const announceRef = useRef<(call: CallDto) => void>(() => {});
  const onLiveCall = useCallback((call: CallDto) => {
    if (!counterIds || counterIds.includes(call.counterId)) announceRef.current(call);
  }, []);
  const floor = useHallFeed(auth, onLiveCall);
  const { announce, unlocked, unlock } = useAnnouncer(floor.snapshot?.display);
  useEffect(() => {
    announceRef.current = announce;
  }, [announce]);

  return (
    <ScreenShell snapshot={floor.snapshot} connected={floor.connected} error={floor.error} title={t('display.title')} className="display">
      {(snapshot: Snapshot) => (
        <>
          <Hall snapshot={snapshot} counterIds={counterIds} />
          {!unlocked && snapshot.display?.sound !== false && <SoundOverlay onUnlock={unlock} />}
        </>
      )}
    </ScreenShell>
  );
}
