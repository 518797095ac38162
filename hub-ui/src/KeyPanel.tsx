import { useEffect, useRef, useState } from 'react';
import { useWords } from './words';

export interface ShownKey {
  code: string;
  name: string;
  key: string;
  /** A new key for a center that lost its own (the old one no longer works). */
  renewed: boolean;
}

/**
 * A center's key, shown this once (the hub keeps only its hash), with what the center's admin does with it. Closing
 * the panel forgets the key: it is in no state, storage or later page.
 */
export function KeyPanel({ shown, onClose }: { shown: ShownKey; onClose: () => void }) {
  const { w } = useWords();
  const field = useRef<HTMLInputElement>(null);
  const [how, setHow] = useState<'copied' | 'selected' | null>(null);
  const address = location.origin;
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [shown.key]);

  const bySelection = () => {
    field.current?.select();
    let copied: boolean;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    setHow(copied ? 'copied' : 'selected');
  };
  // The clipboard API exists only in secure contexts; a hub on plain http falls back to selecting the key.
  const copy = () => {
    if (window.isSecureContext && navigator.clipboard) navigator.clipboard.writeText(shown.key).then(() => setHow('copied'), bySelection);
    else bySelection();
  };

  return (
    <section className="qms-card keypanel" role="alertdialog" aria-labelledby="keypanel-title" aria-describedby="keypanel-once">
      <h2 id="keypanel-title">{w(shown.renewed ? 'key.titleRenewed' : 'key.title', { name: shown.name, code: shown.code })}</h2>
      <p id="keypanel-once" className="keypanel__once">
        {w('key.once')}
      </p>
      <div className="keypanel__key">
        <input ref={field} readOnly value={shown.key} aria-label={w('key.label')} spellCheck={false} className="keypanel__value" onFocus={(e) => e.target.select()} />
        <button type="button" className="qms-btn" onClick={copy}>
          {how === 'copied' ? w('reports.copied') : w('key.copy')}
        </button>
      </div>
      {how === 'selected' && <p className="qms-hint">{w('key.selected')}</p>}
      <h3>{w('key.howTitle')}</h3>
      <ol className="keypanel__steps">
        <li>{w('key.step.send')}</li>
        <li>{w('key.step.open')}</li>
        <li>
          {w('key.step.address')} <code className="keypanel__address">{address}</code>
          <div className="qms-hint">{w('key.step.addressHint')}</div>
        </li>
        <li>{w('key.step.key')}</li>
        <li>{w('key.step.check')}</li>
      </ol>
      {shown.renewed && <p className="keypanel__renewed">{w('key.renewedNote')}</p>}
      <div className="keypanel__close">
        <button type="button" className="qms-btn qms-btn--primary" onClick={onClose}>
          {w('key.close')}
        </button>
      </div>
    </section>
  );
}
