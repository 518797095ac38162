import { useEffect, useState, type FormEvent } from 'react';
import type { DisplaySettings } from '@qms/protocol';
import { ApiError, apiFetch, errorText } from '@qms/ui-kit';
import { useWords, type WordKey } from './words';

/** The same rules as the server's `DisplaySettings` schema (protocol/src/display.ts), worded for the manager. */
/** The server's `notice: z.string().trim().max(500)`. */
const NOTICE_MAX = 500;

function problems(s: DisplaySettings): WordKey[] {
  const out: WordKey[] = [];
  const template = s.template.trim();
  if (s.notice.trim().length > NOTICE_MAX) out.push('ds.err.noticeLong');
  if (!template) out.push('ds.err.templateEmpty');
  else {
    if (template.length > 200) out.push('ds.err.templateLong');
    if (!template.includes('{number}')) out.push('ds.err.templateNumber');
    if (/[{}]/.test(template.replace(/\{number\}|\{counter\}/g, ''))) out.push('ds.err.templateBraces');
  }
  if (!Number.isInteger(s.repeat) || s.repeat < 1 || s.repeat > 5) out.push('ds.err.repeat');
  return out;
}

/** A 400 names the field that failed ("template: …"); say which rule in plain words. */
function serverProblem(err: unknown, w: ReturnType<typeof useWords>['w'], lang: 'vi' | 'en'): string {
  if (err instanceof ApiError && err.status === 403) return w('ds.err.forbidden');
  if (err instanceof ApiError && err.status === 400) {
    const m = err.message;
    if (/template[^;]*\{number\}/.test(m)) return w('ds.err.templateNumber');
    if (/template[^;]*braces/.test(m)) return w('ds.err.templateBraces');
    if (/template/.test(m)) return w('ds.err.templateLong');
    if (/notice/.test(m)) return w('ds.err.noticeLong');
    if (/repeat/.test(m)) return w('ds.err.repeat');
    return w('ds.err.server', { detail: m });
  }
  return errorText(err, lang);
}

/** The manager's settings for the hall displays: scrolling notice, spoken sentence, repeats, number reading, sound. */
export function DisplaySettingsForm() {
  const { w, lang } = useWords();
  const [form, setForm] = useState<DisplaySettings | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    apiFetch<DisplaySettings>('/api/display/settings')
      .then(setForm)
      .catch((err: unknown) => setMessage({ ok: false, text: errorText(err, lang) }));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  if (!form) {
    return (
      <div className="display-settings">
        <section className="qms-card">
          <h2>{w('tab.display')}</h2>
          {message ? <p className="qms-error">{message.text}</p> : <p className="qms-hint">{w('reports.loading')}</p>}
        </section>
      </div>
    );
  }

  const set = <K extends keyof DisplaySettings>(key: K, value: DisplaySettings[K]) => {
    setForm({ ...form, [key]: value });
    setMessage(null);
  };
  const found = problems(form);
  const preview = form.template.replace(/\{number\}/g, '1003').replace(/\{counter\}/g, '2');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (found.length || saving) return;
    setSaving(true);
    setMessage(null);
    try {
      const saved = await apiFetch<DisplaySettings>('/api/display/settings', { method: 'PUT', json: { ...form, notice: form.notice.trim(), template: form.template.trim() } });
      setForm(saved);
      setMessage({ ok: true, text: w('ds.saved') });
    } catch (err) {
      setMessage({ ok: false, text: serverProblem(err, w, lang) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="display-settings">
      <section className="qms-card">
        <h2>{w('tab.display')}</h2>
        <p className="qms-hint">{w('ds.intro')}</p>
        <form className="ds__form" onSubmit={(e) => void submit(e)} noValidate>
          <label className="ds__wide">
            {w('ds.notice')}
            <textarea name="notice" rows={2} maxLength={NOTICE_MAX} value={form.notice} onChange={(e) => set('notice', e.target.value)} />
            <span className="qms-hint">
              {w('ds.noticeHint')} ({form.notice.trim().length}/{NOTICE_MAX})
            </span>
            {form.notice.length >= NOTICE_MAX && (
              <span className="qms-error" role="status">
                {w('ds.noticeFull')}
              </span>
            )}
          </label>
          <label className="ds__wide">
            {w('ds.template')}
            <input type="text" name="template" value={form.template} onChange={(e) => set('template', e.target.value)} />
            <span className="qms-hint">{w('ds.templateHint')}</span>
            {form.template.trim() && <span className="ds__preview">{w('ds.preview', { text: preview })}</span>}
          </label>
          <label>
            {w('ds.repeat')}
            <select name="repeat" value={form.repeat} onChange={(e) => set('repeat', Number(e.target.value))}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{w('ds.reading')}</legend>
            {(['whole', 'digits'] as const).map((r) => (
              <label key={r} className="ds__choice">
                <input type="radio" name="reading" value={r} checked={form.reading === r} onChange={() => set('reading', r)} />
                {w(`ds.reading.${r}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{w('ds.thousandWord')}</legend>
            {(['nghìn', 'ngàn'] as const).map((v) => (
              <label key={v} className="ds__choice">
                <input type="radio" name="thousandWord" value={v} checked={form.thousandWord === v} onChange={() => set('thousandWord', v)} />
                {v}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{w('ds.zeroTensWord')}</legend>
            {(['linh', 'lẻ'] as const).map((v) => (
              <label key={v} className="ds__choice">
                <input type="radio" name="zeroTensWord" value={v} checked={form.zeroTensWord === v} onChange={() => set('zeroTensWord', v)} />
                {v}
              </label>
            ))}
          </fieldset>
          <label className="ds__choice ds__wide">
            <input type="checkbox" name="sound" checked={form.sound} onChange={(e) => set('sound', e.target.checked)} />
            {w('ds.sound')}
          </label>
          {found.length > 0 && (
            <ul className="qms-error ds__wide ds__problems" role="alert">
              {found.map((k) => (
                <li key={k}>{w(k)}</li>
              ))}
            </ul>
          )}
          <div className="ds__wide ds__foot">
            <button type="submit" className="qms-btn qms-btn--primary" disabled={saving || found.length > 0}>
              {saving ? w('ds.saving') : w('ds.save')}
            </button>
            {message && (
              <p className={message.ok ? 'qms-notice' : 'qms-error'} role={message.ok ? 'status' : 'alert'}>
                {message.text}
              </p>
            )}
          </div>
        </form>
      </section>
    </div>
  );
}
