import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallDto, DisplaySettings } from '@qms/protocol';
import { defaultDisplaySettings } from '@qms/protocol/display-defaults';
import { callForms } from './call-forms';
import { callKey, missedCalls, type SnapshotCalls } from './missed-calls';
import { AnnouncementPlayer } from './player';
import { SaidMemory } from './said-memory';

/**
 * The voice of the hall display: turns each live call into clips and queues them on one player, and after a
 * reconnect or a reload says once the calls it missed (docs/voice.md, "Reconnects").
 */
export function useAnnouncer(settings: DisplaySettings | undefined, packUrl = 'voice/default/') {
  const player = useRef<AnnouncementPlayer | null>(null);
  const current = useRef(settings ?? defaultDisplaySettings);
  const [unlocked, setUnlocked] = useState(true);
  // Said across reloads (started or skipped by the player); queued in this page (not said twice while it waits).
  const [memory] = useState(() => new SaidMemory());
  const queued = useRef(new Set<string>());
  const caughtUp = useRef(false);

  useEffect(() => {
    current.current = settings ?? defaultDisplaySettings;
  }, [settings]);

  useEffect(() => {
    const p = new AnnouncementPlayer({ packUrl, onUnlockedChange: setUnlocked, onHandled: (key) => memory.add(key) });
    player.current = p;
    return () => {
      p.close();
      player.current = null;
    };
  }, [packUrl, memory]);

  const announce = useCallback((call: CallDto) => {
    const key = callKey(call);
    if (queued.current.has(key) || memory.has(key)) return;
    queued.current.add(key);
    const s = current.current;
    if (!s.sound) return memory.add(key);
    const forms = callForms({
      ticketNumber: call.ticket.number,
      counterNumber: call.counterNumber,
      template: s.template,
      reading: { mode: s.reading, thousand: s.thousandWord, zeroTens: s.zeroTensWord },
    });
    const { ticket, counterNumber, recall } = call;
    player.current?.enqueue({ key, ticketNumber: ticket.number, counterNumber, recall, ...forms, repeat: s.repeat });
  }, [memory]);

  /** Says the calls of a (fresh) snapshot this display missed; a display that never said anything starts from now. */
  const catchUp = useCallback((snapshot: SnapshotCalls, mine: (counterId: number) => boolean) => {
    if (!caughtUp.current && memory.fresh) memory.add(...snapshot.recentCalls.map(callKey));
    caughtUp.current = true;
    for (const call of missedCalls(snapshot, (key) => queued.current.has(key) || memory.has(key), mine)) announce(call);
  }, [announce, memory]);

  const unlock = useCallback(() => player.current?.unlock(), []);
  return { announce, catchUp, unlocked, unlock };
}
