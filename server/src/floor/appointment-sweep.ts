import type { Floor } from './index';
import type { Logger } from '../log';
import type { Db } from '../store/open';

/**
 * On the server's clock: bookings not checked in by the end of their window become `no_show`, and phone numbers past
 * their retention are erased. After an erasure the WAL is checkpointed and truncated, so the old copies of the pages
 * that held the numbers leave the -wal file too (secure_delete has zeroed them in the database file).
 */
export function startAppointmentSweep(floor: Pick<Floor, 'appointments'>, db: Db, log: Logger, everyMs = 30_000) {
  const sweep = () => {
    try {
      const done = floor.appointments.sweep();
      if (done.erased > 0) db.pragma('wal_checkpoint(TRUNCATE)');
      return done;
    } catch (e) {
      log.error({ err: e }, 'appointment sweep failed');
      return { noShows: 0, erased: 0 };
    }
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref?.();
  return { sweep, stop: () => clearInterval(timer) };
}
