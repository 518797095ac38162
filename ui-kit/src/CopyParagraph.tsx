import { useRef, useState } from 'react';

export interface CopyParagraphWords {
  /** The text area's accessible name. */
  label: string;
  copy: string;
  copied: string;
  /** Said when the text could only be selected (the reader copies it with Ctrl+C). */
  selected: string;
}

/** A report's ready-to-paste paragraph with a copy button (styled by the screen's `.reports__paragraph`). */
export function CopyParagraph({ text, words }: { text: string; words: CopyParagraphWords }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [done, setDone] = useState<{ text: string; how: 'copied' | 'selected' } | null>(null);
  // The clipboard API exists only in secure contexts (HTTPS or localhost); a server on plain http falls back to selecting.
  const bySelection = () => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.select();
    let copied: boolean;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    setDone({ text, how: copied ? 'copied' : 'selected' });
  };
  const copy = () => {
    if (window.isSecureContext && navigator.clipboard) navigator.clipboard.writeText(text).then(() => setDone({ text, how: 'copied' }), bySelection);
    else bySelection();
  };
  const how = done && done.text === text ? done.how : null;
  return (
    <div className="reports__paragraph">
      <textarea ref={area} readOnly value={text} rows={6} aria-label={words.label} />
      <button type="button" className="qms-btn" onClick={copy}>
        {how === 'copied' ? words.copied : words.copy}
      </button>
      {how === 'selected' && (
        <p className="qms-hint reports__copy-hint" role="status">
          {words.selected}
        </p>
      )}
    </div>
  );
}
