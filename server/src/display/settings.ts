import type { DisplaySettings } from '@qms/protocol';
import type { Floor } from '../floor';
import { displaySettingsQueries } from '../store/display-settings';
import type { Db } from '../store/open';

/**
 * The hall displays' settings: stored in SQLite, logged, pushed to every screen as a `display.settings`
 * event, and part of every snapshot so a display that (re)connects has them at once.
 */
export function createDisplaySettings({ db, floor }: { db: Db; floor: Floor }) {
  const q = displaySettingsQueries(db);
  let current = q.get();

  // The snapshot is built by the floor, which knows nothing of displays; the settings ride along here.
  const floorSnapshot = floor.snapshot;
  floor.snapshot = (options) => ({ ...floorSnapshot(options), display: current });

  return {
    get: (): DisplaySettings => current,
    save(next: DisplaySettings, userId: number | null): DisplaySettings {
      floor.run((tx) => {
        q.save(next, new Date(tx.now).toISOString(), userId);
        tx.log({ type: 'display.settings_changed', ticketId: null, counterId: null, staffId: userId, payload: { ...next } });
        tx.emit({ type: 'display.settings', settings: next });
      });
      current = next;
      return next;
    },
  };
}
export type DisplaySettingsService = ReturnType<typeof createDisplaySettings>;
