import { describe, expect, it } from 'vitest';
import { parseWindows, toHours, toRows } from './calendar-hours';

const weekdays = { workingDays: [1, 2, 3, 4, 5], windows: [{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }] };

describe('the weekly hours form', () => {
  it('reads "7:30-11:30, 13:30 – 17:00" and refuses what is not a window', () => {
    expect(parseWindows('7:30-11:30, 13:30 – 17:00')).toEqual([{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }]);
    for (const bad of ['', '7h30-11h30', '11:30-07:30', '07:30', '07:30-11:30-12:00', '24:00-25:00']) expect(parseWindows(bad), bad).toBeNull();
  });

  it('Monday\'s windows are the common ones; a Saturday morning becomes its own day', () => {
    const rows = toRows(weekdays).map((r) => (r.weekday === 6 ? { ...r, working: true, text: '07:30-11:30' } : r));
    expect(toHours(rows).hours).toEqual({ ...weekdays, workingDays: [1, 2, 3, 4, 5, 6], days: { '6': [{ from: '07:30', to: '11:30' }] } });
  });

  it('unchanged rows give back the same hours; a bad row or no open day gives none', () => {
    expect(toHours(toRows(weekdays)).hours).toEqual(weekdays);
    const bad = toRows(weekdays).map((r) => (r.weekday === 3 ? { ...r, text: '8-9' } : r));
    expect(toHours(bad)).toEqual({ hours: null, badDays: [3] });
    expect(toHours(toRows(weekdays).map((r) => ({ ...r, working: false }))).hours).toBeNull();
  });
});
