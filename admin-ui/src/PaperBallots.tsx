import { useEffect, useState, type FormEvent } from 'react';
import type { PaperBallot, ServiceDto } from '@qms/protocol';
import { apiFetch, errorText, fmtDate, fmtInt, presetRange, serviceName } from '@qms/ui-kit';
import { useWords } from './words';

const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
type Level = (typeof levels)[number];
// Not Object.fromEntries: older browsers the screens support (Chrome 69) lack it.
const byLevel = <T,>(value: (l: Level) => T) => levels.reduce((o, l) => ({ ...o, [l]: value(l) }), {} as Record<Level, T>);

/** A manager types in the counts of a paper survey (per field and period); mistakes are voided, never deleted. */
export function PaperBallots({ services, today }: { services: ServiceDto[]; today: string }) {
  const { w, lang } = useWords();
  const month = presetRange('lastMonth', today);
  const [form, setForm] = useState({ serviceId: services[0]?.id ?? '', from: month.from, to: month.to, note: '', counts: byLevel(() => '') });
  const [list, setList] = useState<PaperBallot[]>([]);
  // Refusals show as errors; "Đã lưu." as a plain status line.
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const fail = (text: string) => setMessage({ text, error: true });
  // Last year to next year: in January the form's default is December, and a batch may be entered ahead.
  const thisYear = Number(today.slice(0, 4));
  const load = () =>
    apiFetch<PaperBallot[]>(`/api/stats/paper-ballots?from=${thisYear - 1}-01-01&to=${thisYear + 1}-12-31`)
      .then(setList)
      .catch((err: unknown) => fail(errorText(err, lang)));
  useEffect(() => void load(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Said here in plain words before anything is sent (the server refuses both too).
    const counts = byLevel((l) => Number(form.counts[l] || 0));
    if (form.from > form.to) return fail(w('paper.err.reversed'));
    if (levels.every((l) => counts[l] === 0)) return fail(w('paper.err.empty'));
    try {
      await apiFetch<PaperBallot>('/api/stats/paper-ballots', { method: 'POST', json: { serviceId: form.serviceId, from: form.from, to: form.to, ...counts, ...(form.note ? { note: form.note } : {}) } });
      setMessage({ text: w('paper.saved'), error: false });
      setForm({ ...form, note: '', counts: byLevel(() => '') });
      await load();
    } catch (err) {
      fail(errorText(err, lang));
    }
  };
  const voidBatch = async (id: number) => {
    try {
      await apiFetch(`/api/stats/paper-ballots/${id}/void`, { method: 'POST' });
      await load();
    } catch (err) {
      fail(errorText(err, lang));
    }
  };
  const nameOf = (id: string) => {
    const s = services.find((x) => x.id === id);
    return s ? serviceName(s, lang) : id;
  };

  return (
    <div className="paper">
      <section className="qms-card">
        <h2>{w('tab.paper')}</h2>
        <p className="qms-hint">{w('paper.intro')}</p>
        <form className="paper__form" onSubmit={(e) => void submit(e)}>
          <label>
            {w('paper.service')}
            <select name="serviceId" value={form.serviceId} onChange={(e) => setForm({ ...form, serviceId: e.target.value })}>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {serviceName(s, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {w('range.from')}
            <input type="date" name="from" required value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          </label>
          <label>
            {w('range.to')}
            <input type="date" name="to" required value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
          </label>
          {levels.map((l) => (
            <label key={l}>
              {w(`level.${l}`)}
              <input type="number" min={0} max={1000000} inputMode="numeric" name={l} value={form.counts[l]} onChange={(e) => setForm({ ...form, counts: { ...form.counts, [l]: e.target.value } })} />
            </label>
          ))}
          <label className="paper__note">
            {w('paper.note')}
            <input type="text" name="note" maxLength={500} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          </label>
          <button type="submit" className="qms-btn qms-btn--primary">
            {w('paper.save')}
          </button>
          {message &&
            (message.error ? (
              <span role="alert" className="qms-error paper__message">
                {message.text}
              </span>
            ) : (
              <span role="status" className="qms-hint paper__message">
                {message.text}
              </span>
            ))}
        </form>
      </section>
      <section className="qms-card">
        {list.length === 0 ? (
          <p className="qms-hint">{w('paper.none')}</p>
        ) : (
          <table className="qms-table">
            <thead>
              <tr>
                <th>{w('paper.service')}</th>
                <th>{w('range.from')}</th>
                <th>{w('range.to')}</th>
                {levels.map((l) => (
                  <th key={l} className="num">
                    {w(`level.${l}`)}
                  </th>
                ))}
                <th className="num">{w('paper.total')}</th>
                <th>{w('paper.enteredBy')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.id} className={b.voided ? 'row--voided' : undefined}>
                  <td>
                    {nameOf(b.serviceId)}
                    {b.note && <div className="qms-hint">{b.note}</div>}
                  </td>
                  <td>{fmtDate(b.from)}</td>
                  <td>{fmtDate(b.to)}</td>
                  {levels.map((l) => (
                    <td key={l} className="num">
                      {fmtInt(b.counts[l], lang)}
                    </td>
                  ))}
                  <td className="num">{fmtInt(b.counts.total, lang)}</td>
                  <td>{b.enteredBy ?? '—'}</td>
                  <td>
                    {b.voided ? (
                      w('paper.voided')
                    ) : (
                      <button type="button" className="qms-btn" onClick={() => void voidBatch(b.id)}>
                        {w('paper.void')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
