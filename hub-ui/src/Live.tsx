import { useEffect, useState } from 'react';
import type { HubCenter } from '@qms/protocol/hub';
import { apiFetch, errorText, fmtInt, fmtMinutes } from '@qms/ui-kit';
import { signedOutBy } from './session';
import { fmtTime } from './format';
import { useWords, type WordKey } from './words';

/** How often the live view asks the hub again: centers beat every ~10 s. */
const refreshMs = 10_000;

type SortKey = 'name' | 'district' | 'state' | 'lastContact' | 'counters' | 'waiting' | 'longest' | 'alarms';
const columns: { key: SortKey; word: WordKey; num?: true }[] = [
  { key: 'name', word: 'col.center' },
  { key: 'district', word: 'col.district' },
  { key: 'state', word: 'col.state' },
  { key: 'lastContact', word: 'col.lastContact' },
  { key: 'counters', word: 'col.counters', num: true },
  { key: 'waiting', word: 'col.waiting', num: true },
  { key: 'longest', word: 'col.longest', num: true },
  { key: 'alarms', word: 'col.alarms' },
];

const stateRank = (c: HubCenter) => (c.online ? 2 : c.lastContactAt ? 1 : 0);
const sortValue = (c: HubCenter, k: SortKey): string | number => {
  switch (k) {
    case 'name':
      return c.name;
    case 'district':
      return c.district ?? '';
    case 'state':
      return stateRank(c);
    case 'lastContact':
      return c.lastContactAt ? Date.parse(c.lastContactAt) : 0;
    case 'counters':
      return c.online ? (c.live?.countersOpen ?? -1) : -1;
    case 'waiting':
      return c.online ? (c.live?.waitingTotal ?? -1) : -1;
    case 'longest':
      return c.online ? (c.live?.longestWaitSeconds ?? -1) : -1;
    case 'alarms':
      return c.alarms.length + (c.divergence ? 1 : 0);
  }
};

/** Every center's state, refreshed every 10 s; the alarms first (by default the table lists centers with alarms on top). */
export function Live({ onOpen }: { onOpen: (code: string) => void }) {
  const { w, lang } = useWords();
  const [centers, setCenters] = useState<HubCenter[] | null>(null);
  const [updated, setUpdated] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'alarms', desc: true });

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      apiFetch<HubCenter[]>('/api/hub/centers')
        .then((list) => {
          if (!live) return;
          setCenters(list);
          setUpdated(new Date().toISOString());
          setFailure(null);
        })
        .catch((err: unknown) => {
          signedOutBy(err);
          if (live) setFailure(errorText(err, lang));
        })
        .then(() => {
          if (live) timer = setTimeout(() => void load(), refreshMs);
        });
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [lang]);

  if (!centers) return failure ? <p className="qms-error">{failure}</p> : <p className="qms-hint">{w('reports.loading')}</p>;
  const online = centers.filter((c) => c.online);
  const alarmed = centers.filter((c) => c.alarms.length > 0 || c.divergence);
  const sorted = [...centers].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
    return (sort.desc ? -d : d) || a.name.localeCompare(b.name, 'vi');
  });
  const alarmWords = (c: HubCenter) => [
    ...c.alarms.map((a) =>
      a.kind === 'wait' ? w('alarm.wait', { n: Math.floor(a.longestWaitSeconds / 60), target: a.targetSeconds / 60 })
      : a.minutes === null ? w('alarm.never')
      : w('alarm.offline', { n: fmtInt(a.minutes, lang) }),
    ),
    ...(c.divergence ? [w('alarm.diverged', { n: fmtInt(c.divergence.events, lang) })] : []),
  ];

  return (
    <div className="live">
      <section className="live__tiles" aria-label="overview">
        <Tile label={w('live.centers')} value={`${fmtInt(online.length, lang)} / ${fmtInt(centers.length, lang)}`} />
        <Tile label={w('live.alarms')} value={fmtInt(alarmed.length, lang)} tone={alarmed.length ? 'below' : 'ok'} />
        <Tile label={w('live.waiting')} value={fmtInt(online.reduce((s, c) => s + (c.live?.waitingTotal ?? 0), 0), lang)} />
        <Tile label={w('live.counters')} value={fmtInt(online.reduce((s, c) => s + (c.live?.countersOpen ?? 0), 0), lang)} />
      </section>
      <section className="qms-card live__alarms" aria-label={w('live.alarms')}>
        <h2>{w('live.alarms')}</h2>
        {alarmed.length === 0 ? (
          <p className="qms-hint">{w('live.noAlarm')}</p>
        ) : (
          <ul>
            {alarmed.map((c) => (
              <li key={c.id} className="live__alarm" role="alert">
                <strong>{c.name}</strong>: {alarmWords(c).join(' · ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="qms-card">
        {centers.length === 0 ? (
          <p className="qms-hint">{w('live.none')}</p>
        ) : (
          <div className="city__scroll">
            <table className="qms-table live__table">
              <thead>
                <tr>
                  {columns.map((col) => (
                    <th key={col.key} className={col.num ? 'num' : undefined} aria-sort={sort.key === col.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                      <button type="button" className="live__sort" onClick={() => setSort((s) => ({ key: col.key, desc: s.key === col.key ? !s.desc : col.num === true || col.key === 'alarms' }))}>
                        {w(col.word)}
                        <span aria-hidden="true">{sort.key === col.key ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sorted.map((c) => {
                  const fresh = c.online ? c.live : null;
                  return (
                    <tr key={c.id} data-center={c.code} className={`${c.online ? '' : 'live__row--off'}${alarmWords(c).length ? ' live__row--alarm' : ''}`}>
                      <td>
                        <button type="button" className="qms-link-button" onClick={() => onOpen(c.code)}>
                          {c.name}
                        </button>
                        <div className="live__code">{c.code}</div>
                      </td>
                      <td>{c.district ?? '—'}</td>
                      <td>
                        <span className={`live__state live__state--${c.online ? 'on' : c.lastContactAt ? 'off' : 'never'}`}>{w(c.online ? 'state.online' : c.lastContactAt ? 'state.offline' : 'state.never')}</span>
                      </td>
                      <td>{c.lastContactAt ? <Ago iso={c.lastContactAt} now={updated ? Date.parse(updated) : Date.parse(c.lastContactAt)} /> : '—'}</td>
                      <td className="num">{fresh ? fmtInt(fresh.countersOpen, lang) : '—'}</td>
                      <td className="num">{fresh ? fmtInt(fresh.waitingTotal, lang) : '—'}</td>
                      <td className={`num${c.alarms.some((a) => a.kind === 'wait') ? ' live__over' : ''}`}>{fresh ? fmtMinutes(fresh.longestWaitSeconds, lang) : '—'}</td>
                      <td className="live__alarm-cell">{alarmWords(c).join(' · ') || '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="qms-hint live__updated">
          {failure ? w('live.stale', { error: failure }) : updated ? w('live.updated', { time: fmtTime(updated) }) : ''}
        </p>
      </section>
    </div>
  );
}

function Tile({ label, value, tone }: { label: string; value: string; tone?: 'ok' | 'below' }) {
  return (
    <div className={`qms-card kpi${tone ? ` kpi--${tone}` : ''}`}>
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value}</div>
    </div>
  );
}

/** How long ago, as of `now` (the moment the list was fetched). */
function Ago({ iso, now }: { iso: string; now: number }) {
  const { w } = useWords();
  const min = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  const text = min < 1 ? w('ago.now') : min < 60 ? w('ago.min', { n: min }) : min < 48 * 60 ? w('ago.hour', { n: Math.floor(min / 60) }) : w('ago.day', { n: Math.floor(min / 1440) });
  return (
    <span title={fmtTime(iso)}>
      {text} <span className="live__time">({fmtTime(iso)})</span>
    </span>
  );
}
