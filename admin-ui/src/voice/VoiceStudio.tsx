import { useCallback, useEffect, useMemo, useState } from 'react';
import { routes, type DisplaySettings, type VoicePacksReply } from '@qms/protocol';
import { apiFetch, errorText, fetchRoute } from '@qms/ui-kit';
import { forgetPack, microphoneAvailable, previewCall, type PreviewResult } from './audio';
import { ClipRow } from './ClipRow';
import { neededClips, type ClipGroup, type CenterVoiceSetup } from './needed-clips';
import { useVoiceWords } from './words';
import './voice.css';

const groups: ClipGroup[] = ['sentence', 'numbers', 'letters', 'counters', 'variants', 'chime', 'fields'];
const fmt = (x: number) => x.toFixed(1).replace('.', ',').replace('-', '−');

/** Setup → Giọng đọc: record the center's own voice, clip by clip, preview a call, switch the halls to it. */
export function VoiceStudio({ canEdit }: { canEdit: boolean }) {
  const { w, lang } = useVoiceWords();
  const [data, setData] = useState<VoicePacksReply | null>(null);
  const [setup, setSetup] = useState<CenterVoiceSetup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [name, setName] = useState('');
  const [copy, setCopy] = useState(true);
  const [call, setCall] = useState({ ticketNumber: '1021', counterNumber: 3 });
  const [preview, setPreview] = useState<PreviewResult | 'playing' | null>(null);

  const reload = useCallback(() => {
    fetchRoute(routes.voicePacks)
      .then((d) => {
        setData(d);
        setOpen((o) => o ?? d.packs.find((p) => !p.active)?.id ?? d.activeId ?? d.packs.at(-1)?.id ?? null);
      })
      .catch((err: unknown) => setError(errorText(err, lang)));
  }, [lang]);
  useEffect(reload, [reload]);
  useEffect(() => {
    Promise.all([fetchRoute(routes.adminServices), fetchRoute(routes.adminCounters), apiFetch<DisplaySettings>('/api/display/settings')])
      .then(([services, counters, s]) => {
        const live = services.filter((x) => !x.archived);
        setSetup({
          template: s.template,
          reading: { mode: s.reading, thousand: s.thousandWord, zeroTens: s.zeroTensWord },
          prefixes: [...new Set(live.map((x) => x.prefix).filter(Boolean))],
          counterNumbers: counters.filter((c) => c.enabled).map((c) => c.number).sort((a, b) => a - b),
          fieldNames: live.map((x) => x.name),
        });
      })
      .catch((err: unknown) => setError(errorText(err, lang)));
  }, [lang]);

  const clips = useMemo(() => (setup ? neededClips(setup) : []), [setup]);
  const pack = data?.packs.find((p) => p.id === open) ?? null;
  // A clip whose file is lost counts as not recorded (the halls say the default pack's); its row says it is lost.
  const recorded = useMemo(() => new Map((pack?.clips ?? []).filter((c) => !c.missing).map((c) => [c.clip, c])), [pack]);
  const lost = useMemo(() => new Set((pack?.clips ?? []).filter((c) => c.missing).map((c) => c.clip)), [pack]);
  const editable = canEdit && !!pack && !pack.active;
  const changed = () => {
    forgetPack(open);
    reload();
  };

  const run = async (action: () => Promise<void>) => {
    setMessage(null);
    try {
      await action();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, lang) });
    }
  };
  const create = () =>
    run(async () => {
      const created = await fetchRoute(routes.voicePackCreate, { body: { name: name.trim(), ...(copy && data?.activeId ? { copyFrom: data.activeId } : {}) } });
      setName('');
      setOpen(created.id);
      reload();
    });
  const activate = (id: number | null) =>
    run(async () => {
      const next = await fetchRoute(routes.voicePackActivate, { body: { id } });
      setData(next);
      const chosen = next.packs.find((p) => p.id === id);
      setMessage({ ok: true, text: chosen ? w('activated', { name: chosen.name }) : w('activated.default') });
    });
  const play = () =>
    run(async () => {
      if (!setup) return;
      setPreview('playing');
      try {
        setPreview(await previewCall(open, { ...call, template: setup.template, reading: setup.reading }));
      } catch (err) {
        setPreview(null);
        throw err;
      }
    });

  const required = clips.filter((c) => !c.optional);
  const lufs = (pack?.clips ?? []).map((c) => c.lufs);
  const fromDefault = preview && preview !== 'playing' ? [...new Set(preview.clips.filter((c) => !recorded.has(c)))] : [];
  const wordOf = (clip: string) => clips.find((c) => c.clip === clip)?.word ?? clip;

  return (
    <div className="voice">
      <section className="qms-card voice__head">
        <h2>{w('title')}</h2>
        <p className="qms-hint">{w('intro')}</p>
        <p className={`voice__mic ${microphoneAvailable() ? 'voice__mic--ok' : 'voice__mic--blocked'}`}>
          <b>{microphoneAvailable() ? w('mic.ready') : w('mic.blocked')}</b> {w('mic.note')}
        </p>
        {!canEdit && <p className="qms-notice">{w('readOnly')}</p>}
        {error && <p className="qms-error">{error}</p>}
      </section>

      <section className="qms-card voice__packs">
        <h3>{w('packs')}</h3>
        <ul className="voice__pack-list">
          <li className={`voice__pack${data?.activeId === null ? ' voice__pack--active' : ''}`}>
            <span>{w('pack.default')}</span>
            {data?.activeId === null && <span className="voice__badge">{w('pack.active')}</span>}
            {canEdit && data && data.activeId !== null && (
              <button type="button" className="qms-btn qms-btn--small" onClick={() => void activate(null)}>
                {w('activate.default')}
              </button>
            )}
          </li>
          {data?.packs.map((p) => (
            <li key={p.id} className={`voice__pack${p.active ? ' voice__pack--active' : ''}${p.id === open ? ' voice__pack--open' : ''}`}>
              <button type="button" className="voice__pack-name" aria-pressed={p.id === open} onClick={() => setOpen(p.id)}>
                {p.name}
              </button>
              <span className="voice__badge">{p.active ? w('pack.active') : w('pack.draft')}</span>
              <span className="qms-hint">{w('pack.clips', { n: p.clips.filter((c) => !c.missing).length })}</span>
              {p.clips.some((c) => c.missing) && <span className="qms-error">{w('pack.lost', { n: p.clips.filter((c) => c.missing).length })}</span>}
            </li>
          ))}
        </ul>
        {canEdit && (
          <form className="voice__new" onSubmit={(e) => (e.preventDefault(), void create())}>
            <label className="qms-field">
              <span>{w('pack.name')}</span>
              <input value={name} maxLength={60} placeholder={w('pack.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
            </label>
            {data?.activeId !== null && (
              <label className="voice__check">
                <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} /> {w('pack.copy')}
              </label>
            )}
            <button type="submit" className="qms-btn qms-btn--small qms-btn--primary" disabled={!name.trim()}>
              {w('pack.new')}
            </button>
          </form>
        )}
        {message && (
          <p className={message.ok ? 'qms-notice' : 'qms-error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </section>

      {pack && setup && (
        <section className="qms-card voice__pack-page">
          <div className="voice__pack-head">
            <h3>{pack.name}</h3>
            <span className="qms-hint">
              {w('figures', {
                done: required.filter((c) => recorded.has(c.clip)).length,
                total: required.length,
                min: lufs.length ? fmt(Math.min(...lufs)) : '—',
                max: lufs.length ? fmt(Math.max(...lufs)) : '—',
                spread: lufs.length ? fmt(Math.max(...lufs) - Math.min(...lufs)) : '—',
              })}
            </span>
            {canEdit && !pack.active && (
              <button type="button" className="qms-btn qms-btn--primary" onClick={() => void activate(pack.id)}>
                {w('activate')}
              </button>
            )}
          </div>
          {pack.active && <p className="qms-notice">{w('pack.locked')}</p>}

          <div className="voice__preview">
            <h4>{w('preview')}</h4>
            <label className="qms-field">
              <span>{w('preview.number')}</span>
              <input value={call.ticketNumber} maxLength={8} onChange={(e) => setCall({ ...call, ticketNumber: e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, '') })} />
            </label>
            <label className="qms-field">
              <span>{w('preview.counter')}</span>
              <input type="number" min={1} max={999} value={call.counterNumber} onChange={(e) => setCall({ ...call, counterNumber: Math.max(1, Number(e.target.value) || 1) })} />
            </label>
            <button type="button" className="qms-btn qms-btn--primary" disabled={preview === 'playing' || !call.ticketNumber} onClick={() => void play()}>
              ▶ {preview === 'playing' ? w('preview.playing') : w('preview.play')}
            </button>
            {preview && preview !== 'playing' && (
              <p className="qms-hint voice__preview-result" role="status">
                {preview.fallback === 'digits' && `${w('preview.digits')} `}
                {preview.fallback === 'chime' && `${w('preview.chime')} `}
                {fromDefault.length ? w('preview.fromDefault', { words: fromDefault.map(wordOf).join(', ') }) : w('preview.allRecorded')}
              </p>
            )}
          </div>

          {groups.map((g) => {
            const inGroup = clips.filter((c) => c.group === g);
            if (g === 'counters') {
              return (
                <p key={g} className="qms-hint">
                  <b>{w('group.counters')}:</b> {w('counters.note', { list: setup.counterNumbers.join(', ') })}
                </p>
              );
            }
            if (!inGroup.length) return null;
            return (
              <div key={g} className="voice__group">
                <h4>{w(`group.${g}`)}</h4>
                <ul className="voice__clips">
                  {inGroup.map((c) => (
                    <ClipRow key={c.clip} clip={c} packId={pack.id} recorded={recorded.get(c.clip)} lost={lost.has(c.clip)} canEdit={editable} onChanged={changed} />
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      )}
      {(!data || !setup) && !error && <p className="qms-hint">{w('loading')}</p>}
    </div>
  );
}
