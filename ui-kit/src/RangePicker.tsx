import { useState, type ReactNode } from 'react';
import { fmtDate } from './figure-format';
import { presetRange, presets, type Preset, type Range } from './report-range';

/** A report's range: a preset (this month by default) worked out from `today`, or any dates. */
export function useReportRange(today: () => string) {
  const [preset, setPreset] = useState<Preset>('thisMonth');
  const [range, setRange] = useState<Range>(() => presetRange('thisMonth', today()));
  const choose = (p: Preset) => {
    setPreset(p);
    if (p !== 'custom') setRange(presetRange(p, today()));
  };
  return { preset, range, choose, setRange };
}

export interface RangePickerWords {
  preset: (p: Preset) => string;
  from: string;
  to: string;
  period: (dates: { from: string; to: string }) => string;
}

/** The report page's range card: the presets, the two dates for a custom range, the period in words, then `children`. */
export function RangePicker(props: ReturnType<typeof useReportRange> & { words: RangePickerWords; children?: ReactNode }) {
  const { preset, range, choose, setRange, words, children } = props;
  return (
    <section className="qms-card reports__range">
      <div className="reports__presets" role="group">
        {presets.map((p) => (
          <button key={p} type="button" className={`qms-btn reports__preset${p === preset ? ' qms-btn--primary' : ''}`} aria-pressed={p === preset} onClick={() => choose(p)}>
            {words.preset(p)}
          </button>
        ))}
      </div>
      {preset === 'custom' && (
        <div className="reports__custom">
          <label>
            {words.from} <input type="date" name="from" value={range.from} max={range.to} onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })} />
          </label>
          <label>
            {words.to} <input type="date" name="to" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })} />
          </label>
        </div>
      )}
      <strong className="reports__period">{words.period({ from: fmtDate(range.from), to: fmtDate(range.to) })}</strong>
      {children}
    </section>
  );
}
