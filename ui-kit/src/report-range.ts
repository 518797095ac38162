/** Report ranges as local dates (`YYYY-MM-DD`), worked out from today (the center's service day, or the city's date at the hub). */
export type Preset = 'thisMonth' | 'lastMonth' | 'quarter' | 'halfYear' | 'year' | 'custom';
export const presets: Preset[] = ['thisMonth', 'lastMonth', 'quarter', 'halfYear', 'year', 'custom'];

export interface Range {
  from: string;
  to: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

export function presetRange(preset: Exclude<Preset, 'custom'>, today: string): Range {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const month = m - 1;
  switch (preset) {
    case 'thisMonth':
      return { from: iso(y, month, 1), to: today };
    case 'lastMonth':
      return { from: iso(y, month - 1, 1), to: iso(y, month, 0) };
    case 'quarter':
      return { from: iso(y, month - (month % 3), 1), to: today };
    case 'halfYear':
      return { from: iso(y, month < 6 ? 0 : 6, 1), to: today };
    case 'year':
      return { from: iso(y, 0, 1), to: today };
  }
}
