import type { Floor } from './index';
import type { Logger } from '../log';

/**
 * Records "not rated" for prompts whose time ran out, on the server's clock: a tablet that was switched off or
 * a citizen who walked away still leaves the figure right. Runs once at start (prompts left open by a restart).
 */
export function startRatingSweep(floor: Pick<Floor, 'ratings'>, log: Logger, everyMs = 5000) {
  const sweep = () => {
    try {
      floor.ratings.expireUnanswered();
    } catch (e) {
      log.error({ err: e }, 'rating sweep failed');
    }
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref?.();
  return { sweep, stop: () => clearInterval(timer) };
}
