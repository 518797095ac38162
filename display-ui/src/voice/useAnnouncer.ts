import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallDto, DisplaySettings } from '@qms/protocol';
import { defaultDisplaySettings } from '@qms/protocol/display-defaults';
import { announcementSentence } from './announcement';
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
    const sentence = announcementSentence({
      ticketNumber: call.ticket.number,
      counterNumber: call.counterNumber,
      template: s.template,
      reading: { mode: s.reading, thousand: s.thousandWord, zeroTens: s.zeroTensWord },
    });
    const { ticket, counterNumber, recall } = call;
    player.current?.enqueue({ key: `${ticket.id}@${call.at}`, ticketNumber: ticket.number, counterNumber, recall, sentence, repeat: s.repeat });
  }, []);

  const unlock = useCallback(() => player.current?.unlock(), []);
  return { announce, unlocked, unlock };
}
