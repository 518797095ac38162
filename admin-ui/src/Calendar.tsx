import { useEffect, useState } from 'react';
import type { CalendarDay, CalendarDto } from '@qms/protocol';
import { apiFetch, errorText } from '@qms/ui-kit';
import { toHours, toRows, type DayRow } from './calendar-hours';
import { useCalendarWords, type CalendarWord } from './calendar-words';
import './calendar.css';

type Message = { ok: boolean; text: string } | null;

/** "Lịch làm việc": the weekly ticket hours, and the year's holidays and make-up days (admin edits, manager views). */
export function Calendar({ today, canEdit }: { today: string; canEdit: boolean }) {
  const { w, lang } = useCalendarWords();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [rows, setRows] = useState<DayRow[] | null>(null);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [busy, setBusy] = useState(false);
  const [hoursMessage, setHoursMessage] = useState<Message>(null);
  const [daysMessage, setDaysMessage] = useState<Message>(null);

  const show = (dto: CalendarDto) => {
    setRows(toRows(dto.hours));
    setDays(dto.days);
  };
  useEffect(() => {
    apiFetch<CalendarDto>(`/api/admin/calendar?year=${year}`)
      .then(show)
      .catch((err: unknown) => setDaysMessage({ ok: false, text: errorText(err, lang) }));
  }, [year]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!rows) {
    return (
      <div className="calendar">
        <section className="qms-card">
          <h2>{w('title')}</h2>
          {daysMessage ? <p className="qms-error">{daysMessage.text}</p> : <p className="qms-hint">{w('loading')}</p>}
        </section>
      </div>
    );
  }

  const { hours, badDays } = toHours(rows);
  const hourProblems = [
    ...badDays.map((d) => w('err.windows', { day: w(`wd.${d}` as CalendarWord) })),
    ...(rows.some((r) => r.working) ? [] : [w('err.noDay')]),
  ];
  const dayProblems = days.flatMap((d, i) => {
    const n = i + 1;
    const out: string[] = [];
    if (!validDate(d.date) || !d.date.startsWith(`${year}-`)) out.push(w('err.date', { n, year }));
    else if (days.findIndex((x) => x.date === d.date) !== i) out.push(w('err.twice', { n, date: d.date }));
    if (!d.name.trim()) out.push(w('err.name', { n }));
    return out;
  });

  async function send(body: object, path = '/api/admin/calendar', method = 'PUT') {
    setBusy(true);
    try {
      const dto = await apiFetch<CalendarDto>(path, { method, json: body });
      show(dto);
      return { dto, error: null };
    } catch (err) {
      return { dto: null, error: errorText(err, lang) };
    } finally {
      setBusy(false);
    }
  }
  const saveHours = async () => {
    if (!hours) return;
    const r = await send({ hours });
    setHoursMessage(r.error ? { ok: false, text: r.error } : { ok: true, text: w('saved') });
  };
  const saveDays = async () => {
    const r = await send({ year, days: days.map((d) => ({ ...d, name: d.name.trim(), nameEn: d.nameEn.trim() })) });
    setDaysMessage(r.error ? { ok: false, text: r.error } : { ok: true, text: w('saved') });
  };
  const prefill = async () => {
    const r = await send({ year }, '/api/admin/calendar/prefill', 'POST');
    setDaysMessage(r.error ? { ok: false, text: r.error } : { ok: true, text: w('prefilled', { n: r.dto?.days.length ?? 0 }) });
  };
  const setRow = (weekday: number, change: Partial<DayRow>) => {
    setRows(rows.map((r) => (r.weekday === weekday ? { ...r, ...change } : r)));
    setHoursMessage(null);
  };
  // A pre-filled day the admin edits becomes their own, so a later pre-fill keeps it.
  const setDay = (i: number, change: Partial<CalendarDay>) => {
    setDays(days.map((d, j) => (j === i ? { ...d, ...change, source: 'manual' } : d)));
    setDaysMessage(null);
  };

  return (
    <div className="calendar">
      <section className="qms-card calendar__hours">
        <h2>{w('hours')}</h2>
        <p className="qms-hint">{w('intro')}</p>
        {!canEdit && <p className="qms-notice">{w('readOnly')}</p>}
        <table className="qms-table calendar__week">
          <thead>
            <tr>
              <th>{w('weekday')}</th>
              <th>{w('working')}</th>
              <th>{w('windows')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.weekday}>
                <td>{w(`wd.${r.weekday}` as CalendarWord)}</td>
                <td>
                  <input type="checkbox" aria-label={`${w('working')} ${w(`wd.${r.weekday}` as CalendarWord)}`} checked={r.working} disabled={!canEdit} onChange={(e) => setRow(r.weekday, { working: e.target.checked })} />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`${w('windows')} ${w(`wd.${r.weekday}` as CalendarWord)}`}
                    value={r.working ? r.text : ''}
                    placeholder={r.working ? w('windowsHint') : ''}
                    disabled={!canEdit || !r.working}
                    aria-invalid={badDays.includes(r.weekday)}
                    onChange={(e) => setRow(r.weekday, { text: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Problems list={hourProblems} />
        {canEdit && (
          <div className="calendar__foot">
            <button type="button" className="qms-btn qms-btn--primary" disabled={busy || !hours} onClick={() => void saveHours()}>
              {busy ? w('saving') : w('saveHours')}
            </button>
            <Note message={hoursMessage} />
          </div>
        )}
      </section>

      <section className="qms-card calendar__days">
        <div className="calendar__head">
          <h2>{w('days', { year })}</h2>
          <label>
            {w('year')}{' '}
            <select value={year} onChange={(e) => {
                setDaysMessage(null);
                setYear(Number(e.target.value));
              }}>
              {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          {canEdit && (
            <button type="button" className="qms-btn" disabled={busy} onClick={() => void prefill()} title={w('prefillHint')}>
              {w('prefill')}
            </button>
          )}
        </div>
        {canEdit && <p className="qms-hint">{w('prefillHint')}</p>}
        {days.length === 0 ? (
          <p className="qms-hint">{w('none')}</p>
        ) : (
          <table className="qms-table calendar__list">
            <thead>
              <tr>
                <th>{w('date')}</th>
                <th>{w('kind')}</th>
                <th>{w('name')}</th>
                <th>{w('nameEn')}</th>
                <th>{w('source')}</th>
                {canEdit && <th aria-label={w('remove')} />}
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={i} className={`calendar__row calendar__row--${d.kind}`}>
                  <td className="calendar__date">
                    <input type="text" inputMode="numeric" placeholder="dd/mm/yyyy" aria-label={`${w('date')} ${i + 1}`} value={shownDate(d.date)} disabled={!canEdit} onChange={(e) => setDay(i, { date: typedDate(e.target.value) })} />
                    <span className="calendar__weekday">{weekdayOf(d.date, w)}</span>
                  </td>
                  <td>
                    <select aria-label={`${w('kind')} ${i + 1}`} value={d.kind} disabled={!canEdit} onChange={(e) => setDay(i, { kind: e.target.value as CalendarDay['kind'] })}>
                      <option value="holiday">{w('kind.holiday')}</option>
                      <option value="workday">{w('kind.workday')}</option>
                    </select>
                  </td>
                  <td>
                    <input type="text" aria-label={`${w('name')} ${i + 1}`} value={d.name} maxLength={100} disabled={!canEdit} onChange={(e) => setDay(i, { name: e.target.value })} />
                  </td>
                  <td>
                    <input type="text" aria-label={`${w('nameEn')} ${i + 1}`} value={d.nameEn} maxLength={100} disabled={!canEdit} onChange={(e) => setDay(i, { nameEn: e.target.value })} />
                  </td>
                  <td className="calendar__source">{w(`source.${d.source}`)}</td>
                  {canEdit && (
                    <td>
                      <button type="button" className="qms-btn qms-btn--small" onClick={() => setDays(days.filter((_, j) => j !== i))}>
                        {w('remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Problems list={dayProblems} />
        {canEdit && (
          <div className="calendar__foot">
            <button type="button" className="qms-btn" disabled={busy} onClick={() => setDays([...days, { date: '', kind: 'holiday', name: '', nameEn: '', source: 'manual' }])}>
              {w('add')}
            </button>
            <button type="button" className="qms-btn qms-btn--primary" disabled={busy || dayProblems.length > 0} onClick={() => void saveDays()}>
              {busy ? w('saving') : w('saveDays')}
            </button>
            <Note message={daysMessage} />
          </div>
        )}
        {!canEdit && <Note message={daysMessage} />}
      </section>
    </div>
  );
}

/** Dates are typed and shown as Vietnamese write them (dd/mm/yyyy) and kept as YYYY-MM-DD once complete. */
const iso = /^(\d{4})-(\d{2})-(\d{2})$/;
const shownDate = (date: string) => date.replace(iso, '$3/$2/$1');
function typedDate(text: string): string {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return text;
  const date = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return validDate(date) ? date : text;
}
const validDate = (date: string) => iso.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
const weekdayOf = (date: string, w: (k: CalendarWord) => string) => (validDate(date) ? w(`wd.${new Date(`${date}T00:00:00Z`).getUTCDay()}` as CalendarWord) : '');

function Problems({ list }: { list: string[] }) {
  if (list.length === 0) return null;
  return (
    <ul className="qms-error calendar__problems" role="alert">
      {list.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

function Note({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p className={message.ok ? 'qms-notice' : 'qms-error'} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
}
