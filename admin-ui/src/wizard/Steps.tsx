import { useState, type ReactNode } from 'react';
import { commonFields } from '@qms/protocol';
import { builtinField, suggestedUsername, typedField, type Draft } from './draft';
import { useWizardWords } from './words';

export interface StepProps {
  draft: Draft;
  set: (next: Draft) => void;
  problems: Record<string, string>;
}

/** A labelled input with its problem, if any. */
function Box({ label, name, problems, hint, children, wide }: { label: string; name: string; problems: Record<string, string>; hint?: string; children: ReactNode; wide?: boolean }) {
  const problem = problems[name];
  return (
    <label className={`wizard__box${problem ? ' wizard__box--bad' : ''}${wide ? ' wizard__wide' : ''}`} data-field={name}>
      <span className="wizard__label">{label}</span>
      {children}
      {problem ? (
        <span className="wizard__problem" role="alert">
          {problem}
        </span>
      ) : (
        hint && <span className="qms-hint">{hint}</span>
      )}
    </label>
  );
}

const zones = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
})();

export function CenterStep({ draft, set, problems }: StepProps) {
  const { w } = useWizardWords();
  return (
    <div className="wizard__grid">
      <Box label={w('center.name')} name="center.name" problems={problems} hint={w('center.nameHint')} wide>
        <input name="centerName" autoFocus value={draft.centerName} onChange={(e) => set({ ...draft, centerName: e.target.value })} />
      </Box>
      <Box label={w('center.timezone')} name="timezone" problems={problems} hint={w('center.timezoneHint')}>
        <input name="timezone" list="wizard-zones" value={draft.timezone} onChange={(e) => set({ ...draft, timezone: e.target.value })} />
        <datalist id="wizard-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Box>
    </div>
  );
}

export function AdminStep({ draft, set, problems }: StepProps) {
  const { w } = useWizardWords();
  return (
    <>
      <p className="wizard__intro">{w('admin.intro')}</p>
      <div className="wizard__grid wizard__grid--two">
        <Box label={w('admin.name')} name="admin.name" problems={problems}>
          <input name="adminName" autoFocus value={draft.adminName} onChange={(e) => set({ ...draft, adminName: e.target.value })} />
        </Box>
        <Box label={w('admin.username')} name="admin.username" problems={problems} hint={w('admin.usernameHint')}>
          <input name="adminUsername" autoCapitalize="none" autoComplete="username" value={draft.adminUsername} onChange={(e) => set({ ...draft, adminUsername: e.target.value })} />
        </Box>
        <Box label={w('admin.password')} name="admin.password" problems={problems} hint={w('admin.passwordHint')}>
          <input name="password" type="password" autoComplete="new-password" value={draft.password} onChange={(e) => set({ ...draft, password: e.target.value })} />
        </Box>
        <Box label={w('admin.password2')} name="admin.password2" problems={problems}>
          <input name="password2" type="password" autoComplete="new-password" value={draft.password2} onChange={(e) => set({ ...draft, password2: e.target.value })} />
        </Box>
      </div>
    </>
  );
}

export function FieldsStep({ draft, set, problems }: StepProps) {
  const { w } = useWizardWords();
  const [other, setOther] = useState({ name: '', prefix: '' });
  const chosen = (id: string) => draft.fields.find((f) => f.id === id);
  const toggle = (id: string, on: boolean) =>
    set({ ...draft, fields: on ? [...draft.fields, builtinField(id)] : draft.fields.filter((f) => f.id !== id), counters: draft.counters.map((c) => ({ ...c, fieldIds: c.fieldIds.filter((x) => on || x !== id) })) });
  const setPrefix = (id: string, prefix: string) => set({ ...draft, fields: draft.fields.map((f) => (f.id === id ? { ...f, prefix: prefix.toUpperCase() } : f)) });
  const row = (id: string, name: string, suggested?: string) => {
    const i = draft.fields.findIndex((f) => f.id === id);
    const f = chosen(id);
    const problem = problems[`fields.${i}.prefix`] ?? problems[`fields.${i}.id`] ?? problems[`fields.${i}.name`];
    return (
      <li key={id} className={`wizard__pick${problem ? ' wizard__box--bad' : ''}`} data-field-id={id}>
        <label className="wizard__check">
          <input type="checkbox" checked={f !== undefined} onChange={(e) => toggle(id, e.target.checked)} /> {name}
        </label>
        {!f && suggested && <span className="wizard__prefix qms-hint">{w('fields.prefix')} {suggested}</span>}
        {f && (
          <label className="wizard__prefix">
            {w('fields.prefix')} <input aria-label={`${w('fields.prefix')} ${name}`} value={f.prefix} maxLength={4} onChange={(e) => setPrefix(id, e.target.value)} />
          </label>
        )}
        {problem && (
          <span className="wizard__problem" role="alert">
            {problem}
          </span>
        )}
      </li>
    );
  };
  const typed = draft.fields.filter((f) => !commonFields.some((c) => c.id === f.id));
  const addOther = () => {
    if (!other.name.trim()) return;
    set({ ...draft, fields: [...draft.fields, typedField(other.name, other.prefix, draft.fields.map((f) => f.id))] });
    setOther({ name: '', prefix: '' });
  };
  return (
    <>
      <p className="wizard__intro">{w('fields.intro')}</p>
      {problems.fields && (
        <p className="qms-error" role="alert">
          {problems.fields}
        </p>
      )}
      <div className="wizard__columns">
        <fieldset className="wizard__set">
          <legend>{w('fields.ward')}</legend>
          <ul className="wizard__picks">{commonFields.filter((f) => !f.agency).map((f) => row(f.id, f.name, f.prefix))}</ul>
        </fieldset>
        <fieldset className="wizard__set">
          <legend>{w('fields.agencies')}</legend>
          <ul className="wizard__picks">{commonFields.filter((f) => f.agency).map((f) => row(f.id, f.name, f.prefix))}</ul>
        </fieldset>
      </div>
      <fieldset className="wizard__set">
        <legend>{w('fields.other')}</legend>
        {typed.length > 0 && <ul className="wizard__picks">{typed.map((f) => row(f.id, f.name))}</ul>}
        <div className="wizard__inline">
          <input name="otherName" placeholder={w('fields.otherName')} aria-label={w('fields.otherName')} value={other.name} onChange={(e) => setOther({ ...other, name: e.target.value })} />
          <input name="otherPrefix" placeholder="X" aria-label={w('fields.prefix')} maxLength={4} className="wizard__short" value={other.prefix} onChange={(e) => setOther({ ...other, prefix: e.target.value.toUpperCase() })} />
          <button type="button" className="qms-btn qms-btn--small" onClick={addOther} disabled={!other.name.trim()}>
            {w('fields.add')}
          </button>
        </div>
      </fieldset>
    </>
  );
}

export function CountersStep({ draft, set, problems }: StepProps) {
  const { w } = useWizardWords();
  const update = (i: number, patch: Partial<Draft['counters'][number]>) => set({ ...draft, counters: draft.counters.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const add = () => {
    const n = Math.max(0, ...draft.counters.map((c) => Number(c.number) || 0)) + 1;
    set({ ...draft, counters: [...draft.counters, { number: String(n), name: w('counters.defaultName', { n }), fieldIds: [], priority: false }] });
  };
  return (
    <>
      <p className="wizard__intro">{w('counters.intro')}</p>
      {problems.counters && (
        <p className="qms-error" role="alert">
          {problems.counters}
        </p>
      )}
      <ol className="wizard__rows">
        {draft.counters.map((c, i) => (
          <li key={i} className="wizard__row" data-counter={i}>
            <Box label={w('counters.number')} name={`counters.${i}.number`} problems={problems}>
              <input className="wizard__short" inputMode="numeric" value={c.number} onChange={(e) => update(i, { number: e.target.value })} />
            </Box>
            <Box label={w('counters.name')} name={`counters.${i}.name`} problems={problems}>
              <input value={c.name} onChange={(e) => update(i, { name: e.target.value })} />
            </Box>
            <label className="wizard__check">
              <input type="checkbox" checked={c.priority} onChange={(e) => update(i, { priority: e.target.checked })} /> {w('counters.priority')}
            </label>
            <button type="button" className="qms-btn qms-btn--small wizard__remove" onClick={() => set({ ...draft, counters: draft.counters.filter((_, j) => j !== i) })}>
              {w('remove')}
            </button>
            <fieldset className={`wizard__set wizard__wide${problems[`counters.${i}.fieldIds`] ? ' wizard__box--bad' : ''}`}>
              <legend>{w('counters.fields')}</legend>
              <div className="wizard__chips">
                {draft.fields.map((f) => (
                  <label key={f.id} className="wizard__check">
                    <input
                      type="checkbox"
                      checked={c.fieldIds.includes(f.id)}
                      onChange={(e) => update(i, { fieldIds: e.target.checked ? [...c.fieldIds, f.id] : c.fieldIds.filter((x) => x !== f.id) })}
                    />{' '}
                    {f.name}
                  </label>
                ))}
              </div>
              {problems[`counters.${i}.fieldIds`] && (
                <span className="wizard__problem" role="alert">
                  {problems[`counters.${i}.fieldIds`]}
                </span>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="qms-btn qms-btn--small wizard__add" onClick={add}>
        {w('counters.add')}
      </button>
    </>
  );
}

export function OfficersStep({ draft, set, problems }: StepProps) {
  const { w } = useWizardWords();
  const update = (i: number, patch: Partial<Draft['officers'][number]>) => set({ ...draft, officers: draft.officers.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const add = () => set({ ...draft, officers: [...draft.officers, { name: '', username: '', counter: '' }] });
  return (
    <>
      <p className="wizard__intro">{w('officers.intro')}</p>
      <ol className="wizard__rows">
        {draft.officers.map((o, i) => (
          <li key={i} className="wizard__row" data-officer={i}>
            <Box label={w('officers.name')} name={`officers.${i}.name`} problems={problems}>
              <input
                name={`officer-${i}-name`}
                value={o.name}
                onChange={(e) => {
                  const suggested = suggestedUsername(o.name);
                  update(i, { name: e.target.value, ...(o.username === '' || o.username === suggested ? { username: suggestedUsername(e.target.value) } : {}) });
                }}
              />
            </Box>
            <Box label={w('officers.username')} name={`officers.${i}.username`} problems={problems}>
              <input name={`officer-${i}-username`} autoCapitalize="none" value={o.username} onChange={(e) => update(i, { username: e.target.value })} />
            </Box>
            <Box label={w('officers.counter')} name={`officers.${i}.counter`} problems={problems}>
              <select name={`officer-${i}-counter`} value={o.counter} onChange={(e) => update(i, { counter: e.target.value })}>
                <option value="">{w('officers.noCounter')}</option>
                {draft.counters.map((c) => (
                  <option key={c.number} value={c.number}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Box>
            <button type="button" className="qms-btn qms-btn--small wizard__remove" onClick={() => set({ ...draft, officers: draft.officers.filter((_, j) => j !== i) })}>
              {w('remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="qms-btn qms-btn--small wizard__add" onClick={add}>
        {w('officers.add')}
      </button>
    </>
  );
}
