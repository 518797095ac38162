import { useEffect, useState } from 'react';
import { routes, type SlotDto, type SlotsReply } from '@qms/protocol';
import { DEFAULT_TIMEZONE, errorText, fetchRoute } from '@qms/ui-kit';
import { clockOf, dayChip, daysFrom, DAYS_AHEAD, localDate } from './days';
import { useWords, type Word } from './words';

/** Today in the center's zone: the phone page has no snapshot, and the centers run on Vietnam time. */
export const today = () => localDate(Date.now(), DEFAULT_TIMEZONE);

/** Day chips for the next two weeks, then that day's slots of the field; a full or past slot cannot be picked. */
export function SlotPicker({ serviceId, chosen, onPick, initialDate }: { serviceId: string; chosen: string | null; onPick: (slot: SlotDto) => void; initialDate?: string }) {
  const { w, lang } = useWords();
  const [days] = useState(() => daysFrom(today(), DAYS_AHEAD));
  const [date, setDate] = useState(() => (initialDate && days.includes(initialDate) ? initialDate : days[0]!));
  const [reply, setReply] = useState<SlotsReply | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchRoute(routes.appointmentSlots, { query: { serviceId, date } }).then(
      (r) => {
        if (!live) return;
        setReply(r);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e, lang)),
    );
    return () => {
      live = false;
    };
  }, [serviceId, date, lang]);

  const shown = reply && reply.date === date && reply.serviceId === serviceId ? reply : null;
  const open = shown?.slots.filter((s) => s.available) ?? [];
  // Past slots (and those over the day's share) are left out; a full one stays, greyed, so the citizen sees why.
  const listed = shown?.slots.filter((s) => s.available || s.booked >= s.capacity) ?? [];
  return (
    <div className="book-picker">
      <h3 className="book-label">{w('pickDay')}</h3>
      <div className="book-days" role="radiogroup" aria-label={w('pickDay')}>
        {days.map((d) => {
          const chip = dayChip(d, lang);
          return (
            <button key={d} type="button" role="radio" aria-checked={d === date} data-date={d} className={`book-day${d === date ? ' book-day--on' : ''}`} onClick={() => setDate(d)}>
              <span className="book-day__weekday">{chip.weekday}</span>
              <span className="book-day__date">{chip.date}</span>
            </button>
          );
        })}
      </div>
      <h3 className="book-label">{w('pickSlot')}</h3>
      {error && <p className="qms-error">{error}</p>}
      {!shown && !error && <p className="qms-hint">{w('loading')}</p>}
      {shown && shown.closedReason && <p className="qms-notice">{w(closedWord(shown.closedReason))}</p>}
      {shown && !shown.closedReason && shown.dayLimit > 0 && shown.dayBooked >= shown.dayLimit && <p className="qms-notice">{w('dayFull')}</p>}
      {shown && !shown.closedReason && open.length === 0 && shown.dayBooked < shown.dayLimit && <p className="qms-notice">{w('noSlots')}</p>}
      {listed.length > 0 && (
        <div className="book-slots" role="radiogroup" aria-label={w('pickSlot')}>
          {listed.map((s) => (
            <button
              key={s.start}
              type="button"
              role="radio"
              aria-checked={s.start === chosen}
              data-slot={clockOf(s.start)}
              className={`book-slot${s.start === chosen ? ' book-slot--on' : ''}`}
              disabled={!s.available}
              onClick={() => onPick(s)}
            >
              <span className="book-slot__time">{clockOf(s.start)}</span>
              <span className="book-slot__left">{s.available ? w('seatsLeft', { n: Math.max(0, s.capacity - s.booked) }) : w('full')}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function closedWord(reason: string): Word {
  const key = `closed_${reason}`;
  return key === 'closed_holiday' || key === 'closed_not_working_day' || key === 'closed_bookings_off' ? key : 'closed_other';
}
