import type { FirstSetupReply } from '@qms/protocol';
import type { Draft } from './draft';
import { useWizardWords } from './words';

/**
 * The wizard's last page, made to be printed: where each screen is opened, how the kiosk, the hall display and the
 * rating tablets are paired, and each officer's one-time password (shown only here, only once).
 */
export function Done({ reply, draft, onContinue }: { reply: FirstSetupReply; draft: Draft; onContinue: () => void }) {
  const { w } = useWizardWords();
  // The page was opened at the server's own address when it is not localhost; else the first LAN address.
  const here = location.origin;
  const local = /^https?:\/\/(localhost|127\.|\[::1\])/.test(here);
  const base = !local || reply.addresses.length === 0 ? here : reply.addresses[0]!;
  const others = reply.addresses.filter((a) => a !== base);
  const screens: [string, string][] = [
    [w('done.kiosk'), '/kiosk/'],
    [w('done.display'), '/display/'],
    ...draft.counters.map((c): [string, string] => [w('done.desk', { n: c.number }), `/desk/?counter=${c.number}`]),
    [w('done.rating'), '/rating/'],
    [w('done.admin'), '/admin/'],
  ];
  return (
    <div className="wizard__done">
      <section className="qms-card wizard__card">
        <h1 className="wizard__title">{w('done.title')}</h1>
        <p className="qms-notice" role="status">
          {w('done.signedIn', { username: reply.user.username })}
        </p>
        {reply.restartForTimezone && <p className="qms-hint">{w('done.timezone', { timezone: draft.timezone })}</p>}
        <p className="wizard__warn">{w('done.printHint')}</p>
        <div className="wizard__nav wizard__noprint">
          <button type="button" className="qms-btn" onClick={() => window.print()}>
            {w('done.print')}
          </button>
          <button type="button" className="qms-btn qms-btn--primary" onClick={onContinue}>
            {w('done.toAdmin')}
          </button>
        </div>
      </section>

      <section className="qms-card wizard__card" aria-labelledby="done-officers">
        <h2 id="done-officers">{w('done.officers')}</h2>
        {reply.officers.length === 0 ? (
          <p className="qms-hint">{w('done.noOfficers')}</p>
        ) : (
          <>
            <p className="qms-hint">{w('done.officersHint')}</p>
            <table className="wizard__table" aria-label={w('done.officers')}>
              <thead>
                <tr>
                  <th>{w('officers.name')}</th>
                  <th>{w('officers.username')}</th>
                  <th>{w('officers.counter')}</th>
                  <th>{w('done.password')}</th>
                </tr>
              </thead>
              <tbody>
                {reply.officers.map((o) => (
                  <tr key={o.username} data-officer={o.username}>
                    <td>{o.name}</td>
                    <td className="wizard__address">{o.username}</td>
                    <td>{o.counter ?? '—'}</td>
                    <td className="wizard__password">{o.temporaryPassword}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section className="qms-card wizard__card" aria-labelledby="done-screens">
        <h2 id="done-screens">{w('done.screens')}</h2>
        <p className="qms-hint">{w('done.screensHint')}</p>
        <table className="wizard__table">
          <thead>
            <tr>
              <th>{w('done.screen')}</th>
              <th>{w('done.address')}</th>
            </tr>
          </thead>
          <tbody>
            {screens.map(([name, path]) => (
              <tr key={path}>
                <td>{name}</td>
                <td className="wizard__address">{base + path}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {others.length > 0 && <p className="qms-hint">{w('done.otherAddresses', { list: others.join(', ') })}</p>}
        <h3>{w('done.pairTitle')}</h3>
        <ol className="wizard__howto">
          <li>{w('done.pair1')}</li>
          <li>{w('done.pair2')}</li>
          <li>{w('done.pair3')}</li>
        </ol>
        <p className="qms-hint">{w('done.deskNote')}</p>
      </section>

    </div>
  );
}
