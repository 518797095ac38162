import type { DisplaySettings } from '@qms/protocol';
import type { FloorContext } from './context';

/** The manager changes the hall displays' settings: stored, logged, pushed to every screen, and in every snapshot from now on. */
export function saveDisplaySettings(ctx: FloorContext, next: DisplaySettings, userId: number | null): DisplaySettings {
  ctx.run(
    (tx) => {
      ctx.q.displaySettings.save(next, new Date(tx.now).toISOString(), userId);
      tx.log({ type: 'display.settings_changed', ticketId: null, counterId: null, staffId: userId, payload: { ...next } });
      tx.emit({ type: 'display.settings', settings: next });
    },
    { label: 'display-settings' },
  );
  return next;
}
