import { useState, type FormEvent } from 'react';
import { routes, type AdminCounterDto, type AdminServiceDto } from '@qms/protocol';
import { fetchRoute, useLang, type UseFloorResult } from '@qms/ui-kit';
import { useChange, useSetupList } from './data';
import { Field, FormActions, SetupList, wholeOrNull } from './parts';
import { useSetupWords } from './words';

type Draft = { number: string; name: string; serviceIds: string[]; priority: boolean; serviceOrder: 'fifo' | 'ordered'; ledAddress: string };
const draftOf = (c: AdminCounterDto): Draft => ({
  number: String(c.number),
  name: c.name,
  serviceIds: c.serviceIds,
  priority: c.priority,
  serviceOrder: c.serviceOrder,
  ledAddress: c.ledAddress === null ? '' : String(c.ledAddress),
});

/** Counters (quầy): which fields in which order, priority flag, enable/disable, close remotely. */
export function Counters({ canEdit, subscribe }: { canEdit: boolean; subscribe: UseFloorResult['subscribe'] }) {
  const { w } = useSetupWords();
  const { t } = useLang();
  const { data, error, reload } = useSetupList(routes.adminCounters, subscribe, ['counter', 'user']);
  const services = useSetupList(routes.adminServices, subscribe, ['service']).data;
  const [editing, setEditing] = useState<{ id: number | null; draft: Draft } | null>(null);
  const change = useChange();
  const nameOf = (id: string) => services?.find((s) => s.id === id)?.name ?? id;

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    if ((await change.run(fn, done)) !== null) reload();
  };
  const close = (c: AdminCounterDto) => {
    if (!window.confirm(w('counters.closeConfirm', { n: c.number, name: c.staff?.name ?? '' }))) return;
    void act(() => fetchRoute(routes.adminCounterClose, { params: { id: c.id } }), w('counters.closed', { n: c.number }));
  };
  const next = (data ?? []).reduce((m, c) => Math.max(m, c.number), 0) + 1;
  const blank: Draft = { number: String(next), name: `Quầy ${next}`, serviceIds: [], priority: false, serviceOrder: 'fifo', ledAddress: '' };

  return (
    <SetupList
      id="counters"
      title={w('nav.counters')}
      intro={w('counters.intro')}
      addLabel={w('counters.add')}
      onAdd={canEdit ? () => (change.setOutcome(null), setEditing({ id: null, draft: blank })) : undefined}
      error={error}
      loading={!data}
      outcome={change.outcome}
      form={editing && services && (
        <CounterForm
          key={editing.id ?? 'new'}
          id={editing.id}
          initial={editing.draft}
          services={services}
          onDone={() => {
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    >
      {data && (
        <div className="setup__scroll">
          <table className="qms-table setup__table">
            <thead>
              <tr>
                <th className="num">{w('counters.number')}</th>
                <th>{w('counters.name')}</th>
                <th>{w('counters.fields')}</th>
                <th>{w('counters.officer')}</th>
                <th>{w('counters.led')}</th>
                <th>{w('fields.state')}</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {data.map((c) => (
                <tr key={c.id} data-counter={c.id} className={c.enabled ? undefined : 'setup__row--archived'}>
                  <td className="num">
                    <strong>{c.number}</strong>
                  </td>
                  <td>
                    {c.name}
                    {c.priority && <div className="setup__tag">{w('counters.priority')}</div>}
                  </td>
                  <td>
                    <ol className="setup__fields">
                      {c.serviceIds.map((id) => (
                        <li key={id}>{nameOf(id)}</li>
                      ))}
                    </ol>
                    {c.serviceIds.length > 1 && <div className="qms-hint">{w(`counters.order.${c.serviceOrder}`)}</div>}
                  </td>
                  <td>{c.staff?.name ?? '—'}</td>
                  <td>{c.ledAddress === null ? '—' : w('counters.ledAddress', { n: c.ledAddress })}</td>
                  <td>
                    {!c.enabled ? (
                      <span className="qms-status qms-status--closed">{w('counters.disabled')}</span>
                    ) : (
                      <span className={`qms-status qms-status--${c.status}`}>{t(`counter.status.${c.status}`)}</span>
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      <div className="setup__actions">
                      <button type="button" className="qms-btn qms-btn--small" disabled={change.busy || !services} onClick={() => (change.setOutcome(null), setEditing({ id: c.id, draft: draftOf(c) }))}>
                        {w('edit')}
                      </button>
                      {c.status !== 'closed' && (
                        <button type="button" className="qms-btn qms-btn--small" disabled={change.busy} onClick={() => close(c)}>
                          {w('counters.close')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="qms-btn qms-btn--small"
                        disabled={change.busy}
                        onClick={() => void act(() => fetchRoute(routes.adminCounterUpdate, { params: { id: c.id }, body: { enabled: !c.enabled } }))}
                      >
                        {c.enabled ? w('counters.disable') : w('counters.enable')}
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

function CounterForm(props: { id: number | null; initial: Draft; services: AdminServiceDto[]; onDone: () => void; onCancel: () => void }) {
  const { id, initial, services, onDone, onCancel } = props;
  const { w } = useSetupWords();
  const [d, setD] = useState(initial);
  const change = useChange();
  const active = services.filter((s) => !s.archived || d.serviceIds.includes(s.id));
  const toggle = (sid: string) => setD((old) => ({ ...old, serviceIds: old.serviceIds.includes(sid) ? old.serviceIds.filter((x) => x !== sid) : [...old.serviceIds, sid] }));
  const move = (sid: string, by: -1 | 1) =>
    setD((old) => {
      const list = [...old.serviceIds];
      const i = list.indexOf(sid);
      const j = i + by;
      if (i < 0 || j < 0 || j >= list.length) return old;
      [list[i], list[j]] = [list[j]!, list[i]!];
      return { ...old, serviceIds: list };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { number: Number(d.number), name: d.name, serviceIds: d.serviceIds, priority: d.priority, serviceOrder: d.serviceOrder };
    const saved =
      id === null
        ? await change.run(() => fetchRoute(routes.adminCounterCreate, { body }))
        : await change.run(() => fetchRoute(routes.adminCounterUpdate, { params: { id }, body: { ...body, ledAddress: wholeOrNull(d.ledAddress) } }));
    if (saved) onDone();
  };
  const o = change.outcome;
  const chosen = d.serviceIds.map((sid) => services.find((s) => s.id === sid)).filter((s): s is AdminServiceDto => !!s);
  return (
    <form className="setup__form" onSubmit={(e) => void submit(e)} aria-label={id === null ? w('counters.add') : w('edit')}>
      <Field label={w('counters.number')} name="number" outcome={o}>
        <input name="number" type="number" min={1} max={999} required value={d.number} onChange={(e) => setD({ ...d, number: e.target.value })} />
      </Field>
      <Field label={w('counters.name')} name="name" outcome={o}>
        <input name="name" required value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
      </Field>
      <Field label={w('counters.order')} name="serviceOrder" outcome={o}>
        <select name="serviceOrder" value={d.serviceOrder} onChange={(e) => setD({ ...d, serviceOrder: e.target.value as Draft['serviceOrder'] })}>
          <option value="fifo">{w('counters.order.fifo')}</option>
          <option value="ordered">{w('counters.order.ordered')}</option>
        </select>
      </Field>
      {id !== null && (
        <Field label={w('counters.ledField')} name="ledAddress" outcome={o} hint={w('counters.ledHint')}>
          <input name="ledAddress" type="number" min={1} max={254} value={d.ledAddress} onChange={(e) => setD({ ...d, ledAddress: e.target.value })} />
        </Field>
      )}
      <label className="setup__check">
        <input type="checkbox" name="priority" checked={d.priority} onChange={(e) => setD({ ...d, priority: e.target.checked })} />
        {w('counters.priority')}
      </label>
      <fieldset className="setup__wide setup__choose" data-field="serviceIds">
        <legend>{w('counters.fields')}</legend>
        <div className="setup__choose-all">
          {active.map((s) => (
            <label key={s.id} className="setup__check">
              <input type="checkbox" name={`service-${s.id}`} checked={d.serviceIds.includes(s.id)} onChange={() => toggle(s.id)} />
              {s.name}
            </label>
          ))}
        </div>
        {chosen.length > 1 && (
          <ol className="setup__order">
            {chosen.map((s, i) => (
              <li key={s.id}>
                <span>{s.name}</span>
                <button type="button" className="qms-btn qms-btn--small" aria-label={`${w('counters.up')}: ${s.name}`} disabled={i === 0} onClick={() => move(s.id, -1)}>
                  ↑
                </button>
                <button type="button" className="qms-btn qms-btn--small" aria-label={`${w('counters.down')}: ${s.name}`} disabled={i === chosen.length - 1} onClick={() => move(s.id, 1)}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
        )}
        {o && !o.ok && Object.entries(o.fields ?? {}).filter(([k]) => k.startsWith('serviceIds')).map(([k, m]) => (
          <span key={k} className="setup__problem" role="alert">
            {m}
          </span>
        ))}
      </fieldset>
      <FormActions outcome={o} busy={change.busy} onCancel={onCancel} />
    </form>
  );
}
