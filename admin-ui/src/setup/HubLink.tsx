import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { routes, type HubLinkDto } from '@qms/protocol';
import { errorText, fetchRoute } from '@qms/ui-kit';
import { useChange } from './data';
import { Field, OutcomeLine } from './parts';
import { useSetupWords } from './words';

/** Joining the city hub: its address and this center's key (never shown back), and how the sending goes. */
export function HubLink({ canEdit }: { canEdit: boolean }) {
  const { w, lang } = useSetupWords();
  const [link, setLink] = useState<HubLinkDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    fetchRoute(routes.adminHub)
      .then((d) => {
        setLink(d);
        setError(null);
      })
      .catch((err: unknown) => setError(errorText(err, lang)));
  }, [lang]);
  useEffect(() => {
    reload();
    // The sending state moves on its own (pushes, failures): read it again every 5 s while the page is open.
    const t = setInterval(reload, 5000);
    return () => clearInterval(t);
  }, [reload]);
  return (
    <section className="qms-card setup__section" aria-labelledby="hub-title">
      <h2 id="hub-title">{w('nav.hub')}</h2>
      <p className="qms-hint">{w('hub.intro')}</p>
      {error && <p className="qms-error">{error}</p>}
      {!link && !error && <p className="qms-hint">{w('loading')}</p>}
      {link && <HubForm link={link} canEdit={canEdit && link.source !== 'environment'} onSaved={setLink} />}
      {link && <SyncState link={link} />}
    </section>
  );
}

function HubForm({ link, canEdit, onSaved }: { link: HubLinkDto; canEdit: boolean; onSaved: (l: HubLinkDto) => void }) {
  const { w } = useSetupWords();
  const [url, setUrl] = useState(link.url ?? '');
  // The key field starts empty: the server never sends the key back.
  const [key, setKey] = useState('');
  const change = useChange();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await change.run(() => fetchRoute(routes.adminHubUpdate, { body: { url, key } }), w('hub.joined'));
    if (saved) {
      setKey('');
      onSaved(saved);
    }
  };
  const leave = async () => {
    const left = await change.run(() => fetchRoute(routes.adminHubClear), w('hub.left'));
    if (left) {
      setUrl('');
      onSaved(left);
    }
  };
  const o = change.outcome;
  return (
    <form className="setup__form" onSubmit={(e) => void submit(e)} autoComplete="off">
      {link.source === 'environment' && <p className="qms-notice setup__wide">{w('hub.source.environment')}</p>}
      {link.source === 'none' && <p className="qms-hint setup__wide">{w('hub.source.none')}</p>}
      <fieldset className="setup__plain" disabled={!canEdit}>
        <Field label={w('hub.url')} name="url" outcome={o} hint={w('hub.urlHint')}>
          <input name="url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
        </Field>
        <Field label={w('hub.key')} name="key" outcome={o} hint={w('hub.keyHint')}>
          <input name="key" type="password" required autoComplete="new-password" value={key} onChange={(e) => setKey(e.target.value)} placeholder={link.keyHint ?? ''} />
        </Field>
        {link.keyHint && (
          <p className="setup__wide qms-hint" data-testid="hub-key-hint">
            {w('hub.keySet')}: <code>{link.keyHint}</code>
          </p>
        )}
      </fieldset>
      {canEdit && (
        <div className="setup__form-actions">
          <OutcomeLine outcome={o} />
          {link.source === 'admin' && (
            <button type="button" className="qms-btn qms-btn--small" disabled={change.busy} onClick={() => void leave()}>
              {w('hub.leave')}
            </button>
          )}
          <button type="submit" className="qms-btn qms-btn--small qms-btn--primary" disabled={change.busy}>
            {change.busy ? w('saving') : w('hub.join')}
          </button>
        </div>
      )}
    </form>
  );
}

function SyncState({ link }: { link: HubLinkDto }) {
  const { w } = useSetupWords();
  const s = link.sync;
  const when = (iso: string) => iso.slice(0, 19).replace('T', ' ');
  return (
    <>
      <h3 className="setup__subhead">{w('hub.state')}</h3>
      <dl className="hub-link__state" data-testid="hub-state">
        <dt>{w('hub.state')}</dt>
        <dd>{s.running ? w('hub.running') : w('hub.stopped')}</dd>
        <dt>{w('hub.lastPush')}</dt>
        <dd data-testid="hub-last-push">{s.lastPushAt ? when(s.lastPushAt) : w('hub.never')}</dd>
        <dt>{w('hub.pending')}</dt>
        <dd data-testid="hub-pending">{s.pendingEvents.toLocaleString('vi-VN')}</dd>
        <dt>{w('hub.lastError')}</dt>
        <dd data-testid="hub-last-error">{s.lastError ? `${when(s.lastError.at)} — ${s.lastError.message}` : w('hub.noError')}</dd>
        {s.failures > 0 && (
          <>
            <dt>{w('hub.failures')}</dt>
            <dd>{s.failures}</dd>
          </>
        )}
      </dl>
    </>
  );
}
