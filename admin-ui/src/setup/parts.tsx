import type { ReactNode } from 'react';
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
