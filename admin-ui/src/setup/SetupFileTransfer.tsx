import { useState } from 'react';
import { routes, type ImportReply, type SetupFile } from '@qms/protocol';
import { fetchRoute } from '@qms/ui-kit';
import { useChange } from './data';
import { OutcomeLine } from './parts';
import { useSetupWords } from './words';

/** Export the setup as a file; import one: first the list of what would change, then apply it in one go. */
export function SetupFileTransfer() {
  const { w } = useSetupWords();
  const change = useChange();
  const [pending, setPending] = useState<{ name: string; file: SetupFile; preview: ImportReply } | null>(null);

  const download = async () => {
    const file = await change.run(() => fetchRoute(routes.adminSetupExport), null);
    if (!file) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `qms-setup-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const choose = async (picked: File) => {
    setPending(null);
    let file: SetupFile;
    try {
      file = JSON.parse(await picked.text()) as SetupFile;
    } catch {
      change.setOutcome({ ok: false, text: w('file.badJson') });
      return;
    }
    const preview = await change.run(() => fetchRoute(routes.adminSetupImport, { body: file, query: { dryRun: '1' } }), null);
    if (preview) setPending({ name: picked.name, file, preview });
  };

  const apply = async () => {
    if (!pending) return;
    const r = await change.run(() => fetchRoute(routes.adminSetupImport, { body: pending.file }));
    if (r) {
      setPending(null);
      change.setOutcome({ ok: true, text: w('file.applied', { n: r.changes.length }) });
    }
  };

  return (
    <section className="qms-card setup__section" aria-labelledby="file-title">
      <h2 id="file-title">{w('nav.file')}</h2>
      <p className="qms-hint">{w('file.intro')}</p>
      <div className="setup__form-actions setup__form-actions--start">
        <button type="button" className="qms-btn qms-btn--small qms-btn--primary" disabled={change.busy} onClick={() => void download()}>
          {w('file.export')}
        </button>
        <label className="qms-btn qms-btn--small setup__file">
          {w('file.import')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void choose(f);
            }}
          />
        </label>
      </div>
      <p className="qms-hint">{w('file.importHint')}</p>
      <OutcomeLine outcome={change.outcome} />
      {pending && (
        <div className="setup__preview" role="region" aria-label={w('file.preview', { name: pending.name })}>
          <h3>{w('file.preview', { name: pending.name })}</h3>
          {pending.preview.changes.length === 0 ? (
            <p className="qms-notice">{w('file.nothing')}</p>
          ) : (
            <ul className="setup__changes">
              {pending.preview.changes.map((c) => (
                <li key={`${c.entity}-${c.id}-${c.action}`} data-change={c.action}>
                  <strong>{w(`change.${c.action}`)}</strong> {w(`entity.${c.entity}`).toLowerCase()} <code>{c.id}</code>
                  {c.fields.length > 0 && <span className="qms-hint"> ({c.fields.join(', ')})</span>}
                </li>
              ))}
            </ul>
          )}
          <div className="setup__form-actions setup__form-actions--start">
            <button type="button" className="qms-btn qms-btn--small" onClick={() => setPending(null)}>
              {w('cancel')}
            </button>
            {pending.preview.changes.length > 0 && (
              <button type="button" className="qms-btn qms-btn--small qms-btn--primary" disabled={change.busy} onClick={() => void apply()}>
                {w('file.apply', { n: pending.preview.changes.length })}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
