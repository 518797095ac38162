import { useState, type FormEvent } from 'react';
import { routes, type AdminCounterDto, type AdminUserDto, type Role } from '@qms/protocol';
import { fetchRoute, type UseFloorResult } from '@qms/ui-kit';
import { useChange, useSetupList } from './data';
import { Field, FormActions, SetupList } from './parts';
import { useSetupWords } from './words';

type Draft = { username: string; name: string; title: string; role: Role; counterId: string; counterIds: number[] | null };
const draftOf = (u: AdminUserDto): Draft => ({ username: u.username, name: u.name, title: u.title, role: u.role, counterId: u.counterId === null ? '' : String(u.counterId), counterIds: u.counterIds });
const blank: Draft = { username: '', name: '', title: '', role: 'staff', counterId: '', counterIds: null };
const roles: readonly Role[] = ['staff', 'manager', 'admin'];

/** Accounts: create, edit, the counters each may sign in at, reset a password (shown once), disable. */
export function Accounts({ canEdit, subscribe }: { canEdit: boolean; subscribe: UseFloorResult['subscribe'] }) {
  const { w } = useSetupWords();
  const { data, error, reload } = useSetupList(routes.adminUsers, subscribe, ['user']);
  const counters = useSetupList(routes.adminCounters, subscribe, ['counter']).data;
  const [editing, setEditing] = useState<{ id: number | null; draft: Draft } | null>(null);
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);
  const change = useChange();

  const reset = async (u: AdminUserDto) => {
    if (!window.confirm(w('accounts.resetConfirm', { name: u.name }))) return;
    const r = await change.run(() => fetchRoute(routes.adminUserResetPassword, { params: { id: u.id } }));
    if (r) setShown({ name: u.name, password: r.temporaryPassword });
    reload();
  };
  const disable = async (u: AdminUserDto, disabled: boolean) => {
    if (disabled && !window.confirm(w('accounts.disableConfirm', { name: u.name }))) return;
    if ((await change.run(() => fetchRoute(routes.adminUserUpdate, { params: { id: u.id }, body: { disabled } }))) !== null) reload();
  };
  const counterWord = (ids: number[] | null) => (ids === null ? w('accounts.anyCounter') : ids.length === 0 ? w('accounts.none') : ids.map((id) => counters?.find((c) => c.id === id)?.number ?? id).join(', '));

  return (
    <SetupList
      id="accounts"
      title={w('nav.accounts')}
      intro={w('accounts.intro')}
      addLabel={w('accounts.add')}
      onAdd={canEdit ? () => (change.setOutcome(null), setShown(null), setEditing({ id: null, draft: blank })) : undefined}
      error={error}
      loading={!data}
      outcome={change.outcome}
      form={editing && counters && (
        <AccountForm
          key={editing.id ?? 'new'}
          id={editing.id}
          initial={editing.draft}
          counters={counters}
          onDone={(created) => {
            setEditing(null);
            if (created) setShown(created);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    >
      {shown && (
        <div className="setup__secret" role="status">
          <p>{w('accounts.temporary', { name: shown.name, password: '' })}<code className="setup__password">{shown.password}</code></p>
          <p className="qms-hint">{w('accounts.temporaryHint')}</p>
        </div>
      )}
      {data && (
        <div className="setup__scroll">
          <table className="qms-table setup__table">
            <thead>
              <tr>
                <th>{w('accounts.name')}</th>
                <th>{w('accounts.username')}</th>
                <th>{w('accounts.role')}</th>
                <th>{w('accounts.counters')}</th>
                <th>{w('accounts.state')}</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {data.map((u) => (
                <tr key={u.id} data-user={u.username} className={u.disabled ? 'setup__row--archived' : undefined}>
                  <td>
                    <strong>{u.name}</strong>
                    {u.title && <div className="qms-hint">{u.title}</div>}
                  </td>
                  <td className="setup__mono">{u.username}</td>
                  <td>{w(`role.${u.role}`)}</td>
                  <td>{u.role === 'staff' ? counterWord(u.counterIds) : '—'}</td>
                  <td>
                    {u.disabled ? (
                      <span className="qms-status qms-status--closed">{w('accounts.disabledState')}</span>
                    ) : u.mustChangePassword ? (
                      <span className="qms-status qms-status--paused">{w('accounts.mustChange')}</span>
                    ) : (
                      <span className="qms-status qms-status--open">{w('accounts.active')}</span>
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      <div className="setup__actions">
                      <button type="button" className="qms-btn qms-btn--small" disabled={change.busy || !counters} onClick={() => (change.setOutcome(null), setShown(null), setEditing({ id: u.id, draft: draftOf(u) }))}>
                        {w('edit')}
                      </button>
                      {!u.disabled && (
                        <button type="button" className="qms-btn qms-btn--small" disabled={change.busy} onClick={() => void reset(u)}>
                          {w('accounts.reset')}
                        </button>
                      )}
                      <button type="button" className="qms-btn qms-btn--small" disabled={change.busy} onClick={() => void disable(u, !u.disabled)}>
                        {u.disabled ? w('accounts.enable') : w('accounts.disable')}
                      </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SetupList>
  );
}

function AccountForm(props: { id: number | null; initial: Draft; counters: AdminCounterDto[]; onDone: (created: { name: string; password: string } | null) => void; onCancel: () => void }) {
  const { id, initial, counters, onDone, onCancel } = props;
  const { w } = useSetupWords();
  const [d, setD] = useState(initial);
  const change = useChange();
  const toggle = (cid: number) =>
    setD((old) => {
      const now = old.counterIds ?? [];
      return { ...old, counterIds: now.includes(cid) ? now.filter((x) => x !== cid) : [...now, cid].sort((a, b) => a - b) };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name: d.name, title: d.title, role: d.role, counterId: d.counterId === '' ? null : Number(d.counterId), counterIds: d.counterIds };
    if (id === null) {
      const r = await change.run(() => fetchRoute(routes.adminUserCreate, { body: { username: d.username, ...body } }));
      if (r) onDone({ name: r.user.name, password: r.temporaryPassword });
    } else if ((await change.run(() => fetchRoute(routes.adminUserUpdate, { params: { id }, body }))) !== null) onDone(null);
  };
  const o = change.outcome;
  return (
    <form className="setup__form" onSubmit={(e) => void submit(e)} aria-label={id === null ? w('accounts.add') : w('edit')}>
      <Field label={w('accounts.name')} name="name" outcome={o}>
        <input name="name" required value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
      </Field>
      <Field label={w('accounts.username')} name="username" outcome={o}>
        <input name="username" required disabled={id !== null} autoCapitalize="none" value={d.username} onChange={(e) => setD({ ...d, username: e.target.value })} />
      </Field>
      <Field label={`${w('accounts.title')} (${w('optional')})`} name="title" outcome={o}>
        <input name="title" value={d.title} onChange={(e) => setD({ ...d, title: e.target.value })} />
      </Field>
      <Field label={w('accounts.role')} name="role" outcome={o}>
        <select name="role" value={d.role} onChange={(e) => setD({ ...d, role: e.target.value as Role })}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {w(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {d.role === 'staff' && (
        <>
          <Field label={w('accounts.counter')} name="counterId" outcome={o}>
            <select name="counterId" value={d.counterId} onChange={(e) => setD({ ...d, counterId: e.target.value })}>
              <option value="">{w('accounts.none')}</option>
              {counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.number} · {c.name}
                </option>
              ))}
            </select>
          </Field>
          <fieldset className="setup__wide setup__choose" data-field="counterIds">
            <legend>{w('accounts.counters')}</legend>
            <label className="setup__check">
              <input type="checkbox" name="anyCounter" checked={d.counterIds === null} onChange={(e) => setD({ ...d, counterIds: e.target.checked ? null : [] })} />
              {w('accounts.anyCounter')}
            </label>
            {d.counterIds !== null && (
              <div className="setup__choose-all">
                {counters.map((c) => (
                  <label key={c.id} className="setup__check">
                    <input type="checkbox" name={`counter-${c.number}`} checked={d.counterIds?.includes(c.id) ?? false} onChange={() => toggle(c.id)} />
                    {c.number} · {c.name}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        </>
      )}
      <FormActions outcome={o} busy={change.busy} onCancel={onCancel} />
    </form>
  );
}
