/** Small SVG charts drawn by hand: no chart library, so the screen stays light on old PCs. */
export interface Bar {
  label: string;
  value: number;
  title?: string;
}

/** `label` split into lines of at most `max` characters at spaces (a longer word keeps its own line). */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Vertical bars with their value on top and their label under them. `barWidth` widens the bars for long labels;
 * `wrapAt` breaks a label into lines of at most that many characters ("Rất không / hài lòng").
 */
export function BarChart({
  bars,
  height = 180,
  format = String,
  className,
  barWidth = 36,
  wrapAt,
}: {
  bars: Bar[];
  height?: number;
  format?: (v: number) => string;
  className?: string;
  barWidth?: number;
  wrapAt?: number;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = barWidth;
  const gap = 8;
  const lineH = 13;
  const labels = bars.map((b) => (wrapAt ? wrapLabel(b.label, wrapAt) : [b.label]));
  const extra = (Math.max(1, ...labels.map((l) => l.length)) - 1) * lineH;
  const width = Math.max(bars.length * (w + gap), 100);
  const plot = height - 40;
  return (
    <svg className={`chart ${className ?? ''}`} viewBox={`0 0 ${width} ${height + extra}`} role="img" preserveAspectRatio="xMinYMid meet">
      {bars.map((b, i) => {
        const h = (b.value / max) * plot;
        const x = i * (w + gap) + gap / 2;
        return (
          <g key={b.label}>
            <title>{b.title ?? `${b.label}: ${format(b.value)}`}</title>
            <rect x={x} y={plot - h + 14} width={w} height={Math.max(h, 0)} rx={3} className="chart__bar" />
            <text x={x + w / 2} y={plot - h + 10} className="chart__value" textAnchor="middle">
              {b.value ? format(b.value) : ''}
            </text>
            <text x={x + w / 2} y={height - 8} className="chart__label" textAnchor="middle">
              {labels[i]!.map((line, j) => (
                <tspan key={j} x={x + w / 2} dy={j === 0 ? 0 : lineH}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface TargetRow {
  label: string;
  rate: number | null;
  target: number;
  below: boolean | null;
}

/** One horizontal bar per field, with a tick at its target; fields below target are drawn in the warning colour. */
export function TargetChart({ rows, format }: { rows: TargetRow[]; format: (r: number | null, target: number) => string }) {
  const rowH = 30;
  const labelW = 190;
  const barW = 300;
  const height = rows.length * rowH + 10;
  const min = 0.5; // rates under 50 % are drawn at the left edge; the interesting part is 80–100 %
  const x = (r: number) => labelW + (Math.max(r, min) - min) / (1 - min) * barW;
  return (
    <svg className="chart" viewBox={`0 0 ${labelW + barW + 80} ${height}`} role="img">
      {rows.map((r, i) => {
        const y = i * rowH + 5;
        return (
          <g key={r.label}>
            <text x={labelW - 8} y={y + 18} textAnchor="end" className="chart__label">
              {r.label}
            </text>
            <rect x={labelW} y={y + 4} width={barW} height={18} className="chart__track" />
            {r.rate !== null && <rect x={labelW} y={y + 4} width={x(r.rate) - labelW} height={18} className={r.below ? 'chart__bar chart__bar--below' : 'chart__bar chart__bar--ok'} />}
            <line x1={x(r.target)} x2={x(r.target)} y1={y} y2={y + 26} className="chart__target" />
            <text x={labelW + barW + 8} y={y + 18} className="chart__value">
              {format(r.rate, r.target)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Weekday (rows) × hour (columns), darker where more tickets were issued. */
export function Heatmap({ cells, rows, hours, format }: { cells: Map<string, number>; rows: { key: number; label: string }[]; hours: number[]; format: (v: number) => string }) {
  const max = Math.max(1, ...cells.values());
  const cw = 34;
  const ch = 24;
  const left = 70;
  return (
    <svg className="chart" viewBox={`0 0 ${left + hours.length * cw} ${rows.length * ch + 24}`} role="img">
      {hours.map((h, j) => (
        <text key={h} x={left + j * cw + cw / 2} y={14} textAnchor="middle" className="chart__label">
          {h}h
        </text>
      ))}
      {rows.map((r, i) => (
        <g key={r.key}>
          <text x={left - 6} y={24 + i * ch + 16} textAnchor="end" className="chart__label">
            {r.label}
          </text>
          {hours.map((h, j) => {
            const v = cells.get(`${r.key}-${String(h).padStart(2, '0')}`) ?? 0;
            return (
              <rect key={h} x={left + j * cw + 1} y={20 + i * ch + 1} width={cw - 2} height={ch - 2} rx={3} className="chart__cell" style={{ fillOpacity: v ? 0.15 + 0.85 * (v / max) : 0.04 }}>
                <title>{`${r.label} ${h}:00 — ${format(v)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
