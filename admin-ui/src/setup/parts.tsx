import type { ReactNode } from 'react';
import { useSetupWords } from './words';
import type { Outcome } from './data';

/** A labelled input with the server's message for it, if it refused that field. */
export function Field({ label, name, outcome, hint, children }: { label: string; name: string; outcome: Outcome; hint?: string; children: ReactNode }) {
  const problem = outcome && !outcome.ok ? outcome.fields?.[name] : undefined;
  return (
    <label className={`setup__field${problem ? ' setup__field--bad' : ''}`} data-field={name}>
      <span className="setup__label">{label}</span>
      {children}
      {hint && !problem && <span className="qms-hint">{hint}</span>}
      {problem && (
        <span className="setup__problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}

export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p className={`setup__outcome ${outcome.ok ? 'qms-notice' : 'qms-error'}`} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
    </p>
  );
}

/** Numbers typed in a form: '' is "none" (null), anything else must be a whole number or is sent as NaN for the server to refuse. */
export const wholeOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/** A setup list's frame: title with its "add" button, intro, the open form (which hides the button), outcome, loading. */
export function SetupList(props: {
  id: string;
  title: string;
  intro: string;
  addLabel?: string | undefined;
  onAdd?: (() => void) | undefined;
  error: string | null;
  loading: boolean;
  form: ReactNode;
  outcome: Outcome;
  children: ReactNode;
}) {
  const { w } = useSetupWords();
  return (
    <section className="qms-card setup__section" aria-labelledby={`${props.id}-title`}>
      <div className="setup__head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.onAdd && !props.form && (
          <button type="button" className="qms-btn qms-btn--small qms-btn--primary" onClick={props.onAdd}>
            {props.addLabel}
          </button>
        )}
      </div>
      <p className="qms-hint">{props.intro}</p>
      {props.error && <p className="qms-error">{props.error}</p>}
      {props.form}
      {!props.form && <OutcomeLine outcome={props.outcome} />}
      {props.loading && !props.error && <p className="qms-hint">{w('loading')}</p>}
      {props.children}
    </section>
  );
}

/** A form's last row: its outcome, Cancel and Save. */
export function FormActions({ outcome, busy, onCancel }: { outcome: Outcome; busy: boolean; onCancel: () => void }) {
  const { w } = useSetupWords();
  return (
    <div className="setup__form-actions">
      <OutcomeLine outcome={outcome} />
      <button type="button" className="qms-btn qms-btn--small" onClick={onCancel}>
        {w('cancel')}
      </button>
      <button type="submit" className="qms-btn qms-btn--small qms-btn--primary" disabled={busy}>
        {busy ? w('saving') : w('save')}
      </button>
    </div>
  );
}
