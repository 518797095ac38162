import type { Floor } from './index';
import type { Logger } from '../log';

type ClockFloor = Pick<Floor, 'serviceDay' | 'servicesView' | 'run' | 'publish'>;

const issuingState = (services: ReturnType<Floor['servicesView']>) => JSON.stringify(services.map((s) => [s.id, s.issuingNow, s.closedReason]));

/**
 * What changes with the clock alone, with nobody pressing anything: issuing hours open and close, and a new service
 * day begins. Kiosks and displays left on overnight learn it within `everyMs` instead of at the next ticket.
 */
export function startFloorClock(floor: ClockFloor, opts: { onNewDay: () => void; log: Logger; everyMs?: number }) {
  let day = floor.serviceDay();
  let issuing = issuingState(floor.servicesView());
  const tick = () => {
    try {
      const today = floor.serviceDay();
      if (today !== day) {
        day = today;
        floor.run(() => undefined); // closes the earlier day: its open tickets and counters
        opts.onNewDay();
      }
      const services = floor.servicesView();
      const now = issuingState(services);
      if (now !== issuing) {
        issuing = now;
        floor.publish([{ type: 'services.updated', services }]);
      }
    } catch (e) {
      opts.log.error({ err: e }, 'floor clock tick failed');
    }
  };
  const timer = setInterval(tick, opts.everyMs ?? 20_000);
  timer.unref?.();
  return { tick, stop: () => clearInterval(timer) };
}
