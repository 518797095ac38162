import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallDto, DisplaySettings } from '@qms/protocol';
import { defaultDisplaySettings } from '@qms/protocol/display-defaults';
import { announcementClips } from './announcement';
import { AnnouncementPlayer } from './player';

/** The voice of the hall display: turns each live call into clips and queues them on one player. */
export function useAnnouncer(settings: DisplaySettings | undefined, packUrl = 'voice/default/') {
  const player = useRef<AnnouncementPlayer | null>(null);
  const current = useRef(settings ?? defaultDisplaySettings);
  const [unlocked, setUnlocked] = useState(true);

  useEffect(() => {
    current.current = settings ?? defaultDisplaySettings;
  }, [settings]);

  useEffect(() => {
    const p = new AnnouncementPlayer({ packUrl, onUnlockedChange: setUnlocked });
    player.current = p;
    return () => {
      p.close();
      player.current = null;
    };
  }, [packUrl]);

  const announce = useCallback((call: CallDto) => {
    const s = current.current;
    if (!s.sound) return;
    const clips = announcementClips({
      ticketNumber: call.ticket.number,
      counterNumber: call.counterNumber,
      template: s.template,
      repeat: s.repeat,
      reading: { mode: s.reading, thousand: s.thousandWord, zeroTens: s.zeroTensWord },
    });
    player.current?.enqueue({ key: `${call.ticket.id}@${call.at}`, ticketNumber: call.ticket.number, counterNumber: call.counterNumber, recall: call.recall, clips });
  }, []);

  const unlock = useCallback(() => player.current?.unlock(), []);
  return { announce, unlocked, unlock };
}
