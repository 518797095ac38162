import { useEffect, useState, type FormEvent } from 'react';
import { routes, type FirstSetupReply, type UserDto } from '@qms/protocol';
import { ApiError, errorText, fetchRoute, ScreenShell, setStoredUser, setToken } from '@qms/ui-kit';
import { Done } from './Done';
import { emptyDraft, problemsOf, stepOf, steps, suggestedCounters, toBody, type Draft, type Step } from './draft';
import { AdminStep, CenterStep, CountersStep, FieldsStep, OfficersStep } from './Steps';
import { useWizardWords } from './words';
import './wizard.css';

/** `needed` from `GET /api/setup`: null while asking; a failed question counts as "not needed" (the sign-in page follows). */
export function useSetupNeeded() {
  const [needed, setNeeded] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    fetchRoute(routes.setupStatus)
      .then((r) => live && setNeeded(r.needed))
      .catch(() => live && setNeeded(false));
    return () => {
      live = false;
    };
  }, []);
  return { needed, done: () => setNeeded(false) };
}

/** The first-run setup: five short steps, then the screens' addresses and the officers' one-time passwords. */
export function Wizard({ onFinished }: { onFinished: (user: UserDto) => void }) {
  const { w, lang } = useWizardWords();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [step, setStep] = useState<Step>('center');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<{ done: FirstSetupReply; draft: Draft } | null>(null);
  const index = steps.indexOf(step);

  const go = (next: Step) => {
    setProblems({});
    setError(null);
    // The suggested counters once the fields are known: a priority counter and one more, both for every field.
    if (next === 'counters' && draft.counters.length === 0) setDraft({ ...draft, counters: suggestedCounters(draft.fields.map((f) => f.id)) });
    setStep(next);
    window.scrollTo(0, 0);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = problemsOf(draft, lang, step);
    setProblems(found);
    if (Object.keys(found).length) return setError(w('fix'));
    if (index < steps.length - 1) return go(steps[index + 1]!);
    const all = problemsOf(draft, lang);
    if (Object.keys(all).length) {
      setStep(stepOf(Object.keys(all)[0]!));
      setProblems(all);
      return setError(w('fix'));
    }
    setBusy(true);
    setError(null);
    try {
      const done = await fetchRoute(routes.setupRun, { body: toBody(draft) });
      setStoredUser(done.user);
      setToken(done.token);
      setReply({ done, draft });
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : undefined;
      // The server refused a field: show it on its own step.
      if (fields && Object.keys(fields).length) {
        setStep(stepOf(Object.keys(fields)[0]!));
        setProblems(fields);
      }
      setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  if (reply) {
    return (
      <ScreenShell snapshot={null} connected live={false} title={w('title')} className="wizard">
        <Done reply={reply.done} draft={reply.draft} onContinue={() => onFinished(reply.done.user)} />
      </ScreenShell>
    );
  }
  // Once problems are shown, they follow the typing: a corrected box loses its message at once.
  const set = (next: Draft) => {
    setDraft(next);
    if (!Object.keys(problems).length) return;
    const left = problemsOf(next, lang, step);
    setProblems(left);
    if (!Object.keys(left).length) setError(null);
  };
  const props = { draft, set, problems };
  return (
    <ScreenShell snapshot={null} connected live={false} title={w('title')} className="wizard">
      <form className="qms-card wizard__card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="wizard-step-title">
        {step === 'center' && <p className="wizard__intro">{w('intro')}</p>}
        <ol className="wizard__steps" aria-label={w('title')}>
          {steps.map((s, i) => (
            <li key={s} className={`wizard__stepname${s === step ? ' wizard__stepname--now' : i < index ? ' wizard__stepname--done' : ''}`} aria-current={s === step ? 'step' : undefined}>
              {i + 1}. {w(`step.${s}`)}
            </li>
          ))}
        </ol>
        <h1 id="wizard-step-title" className="wizard__title">
          <span className="qms-hint">{w('step', { n: index + 1, total: steps.length })}</span> {w(`step.${step}`)}
        </h1>
        {step === 'center' && <CenterStep {...props} />}
        {step === 'admin' && <AdminStep {...props} />}
        {step === 'fields' && <FieldsStep {...props} />}
        {step === 'counters' && <CountersStep {...props} />}
        {step === 'officers' && <OfficersStep {...props} />}
        {error && (
          <p className="qms-error" role="alert">
            {error}
          </p>
        )}
        <div className="wizard__nav">
          {index > 0 && (
            <button type="button" className="qms-btn" onClick={() => go(steps[index - 1]!)} disabled={busy}>
              {w('back')}
            </button>
          )}
          <button type="submit" className="qms-btn qms-btn--primary" disabled={busy}>
            {busy ? w('working') : index < steps.length - 1 ? w('next') : w('finish')}
          </button>
        </div>
      </form>
    </ScreenShell>
  );
}
