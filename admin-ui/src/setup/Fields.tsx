import { useState, type FormEvent } from 'react';
import { fieldIdOf, routes, type AdminServiceDto } from '@qms/protocol';
import { fetchRoute, type UseFloorResult } from '@qms/ui-kit';
import { useChange, useSetupList } from './data';
import { Field, FormActions, SetupList, wholeOrNull } from './parts';
import { useSetupWords } from './words';

type Draft = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  width: string;
  startNumber: string;
  dailyCap: string;
  minutes: string;
  target: string;
};

const draftOf = (s: AdminServiceDto): Draft => ({
  id: s.id,
  code: s.code,
  name: s.name,
  nameEn: s.nameEn ?? '',
  prefix: s.prefix,
  width: String(s.width),
  startNumber: String(s.startNumber),
  dailyCap: s.dailyCap === null ? '' : String(s.dailyCap),
  minutes: String(Math.round(s.defaultServiceSeconds / 60)),
  target: String(Math.round(s.satisfactionTarget * 1000) / 10),
});

const blank: Draft = { id: '', code: '', name: '', nameEn: '', prefix: '', width: '3', startNumber: '1', dailyCap: '', minutes: '7', target: '95' };

const example = (d: Pick<Draft, 'prefix' | 'width' | 'startNumber'>) => `${d.prefix}${String(Number(d.startNumber) || 1).padStart(Number(d.width) || 1, '0')}`;

/** Fields (lĩnh vực): numbering, caps, targets, stop for today, archive. */
export function Fields({ canEdit, subscribe }: { canEdit: boolean; subscribe: UseFloorResult['subscribe'] }) {
  const { w } = useSetupWords();
  const { data, error, reload } = useSetupList(routes.adminServices, subscribe, ['service']);
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const change = useChange();

  const act = async (fn: () => Promise<unknown>) => {
    if ((await change.run(fn)) !== null) reload();
  };
  const [stopping, setStopping] = useState<AdminServiceDto | null>(null);
  const archive = (s: AdminServiceDto, archived: boolean) => {
    if (archived && !window.confirm(w('fields.archiveConfirm', { name: s.name }))) return;
    void act(() => fetchRoute(routes.adminServiceUpdate, { params: { id: s.id }, body: { archived } }));
  };

  return (
    <SetupList
      id="fields"
      title={w('nav.fields')}
      intro={w('fields.intro')}
      addLabel={w('fields.add')}
      onAdd={canEdit ? () => (change.setOutcome(null), setStopping(null), setEditing({ id: null, draft: blank })) : undefined}
      error={error}
      loading={!data}
      outcome={change.outcome}
      form={
        editing ? (
        <FieldForm
          key={editing.id ?? 'new'}
          id={editing.id}
          initial={editing.draft}
          onDone={() => {
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
        ) : stopping ? (
          <StopForm
            key={stopping.id}
            service={stopping}
            onDone={() => {
              setStopping(null);
              reload();
            }}
            onCancel={() => setStopping(null)}
          />
        ) : null
      }
    >
      {data && (
        <div className="setup__scroll">
          <table className="qms-table setup__table">
            <thead>
              <tr>
                <th>{w('fields.name')}</th>
                <th>{w('fields.numbers')}</th>
                <th className="num">{w('fields.cap')}</th>
                <th className="num">{w('fields.minutes')}</th>
                <th className="num">{w('fields.target')}</th>
                <th>{w('fields.state')}</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {data.map((s) => (
                <tr key={s.id} data-service={s.id} className={s.archived ? 'setup__row--archived' : undefined}>
                  <td>
                    <strong>{s.name}</strong>
                    {s.nameEn && <div className="qms-hint">{s.nameEn}</div>}
                    {s.formerNames.length > 0 && <div className="qms-hint">{w('fields.formerNames', { names: s.formerNames.join(', ') })}</div>}
                  </td>
                  <td>
                    <strong className="setup__mono">{example(draftOf(s))}</strong>
                    <div className="qms-hint">{w('fields.numbering', { prefix: s.prefix || '—', width: s.width })}</div>
                  </td>
                  <td className="num">{s.dailyCap ?? w('fields.capNone')}</td>
                  <td className="num">{Math.round(s.defaultServiceSeconds / 60)}</td>
                  <td className="num">{Math.round(s.satisfactionTarget * 1000) / 10}</td>
                  <td>
                    {s.archived ? (
                      <span className="qms-status qms-status--closed">{w('fields.archived')}</span>
                    ) : s.stoppedToday ? (
                      <span className="qms-status qms-status--paused setup__wrap">{w('fields.stopped', { reason: s.stoppedToday.reason })}</span>
                    ) : (
                      <span className="qms-status qms-status--open">{w('fields.issuing')}</span>
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      <div className="setup__actions">
                      <button type="button" className="qms-btn qms-btn--small" disabled={change.busy} onClick={() => (change.setOutcome(null), setStopping(null), setEditing({ id: s.id, draft: draftOf(s) }))}>
                        {w('edit')}
                      </button>
                      {!s.archived &&
                        (s.stoppedToday ? (
                          <button type="button" className="qms-btn qms-btn--small" disabled={change.busy} onClick={() => void act(() => fetchRoute(routes.adminServiceUpdate, { params: { id: s.id }, body: { stoppedToday: null } }))}>
                            {w('fields.resume')}
                          </button>
                        ) : (
                          <button type="button" className="qms-btn qms-btn--small" disabled={change.busy} onClick={() => (change.setOutcome(null), setEditing(null), setStopping(s))}>
                            {w('fields.stop')}
                          </button>
                        ))}
                      <button type="button" className="qms-btn qms-btn--small" disabled={change.busy} onClick={() => archive(s, !s.archived)}>
                        {s.archived ? w('fields.unarchive') : w('fields.archive')}
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

function FieldForm({ id, initial, onDone, onCancel }: { id: string | null; initial: Draft; onDone: () => void; onCancel: () => void }) {
  const { w } = useSetupWords();
  const [d, setD] = useState(initial);
  const [idTouched, setIdTouched] = useState(false);
  const change = useChange();
  const set = (key: keyof Draft, value: string) =>
    setD((old) => ({ ...old, [key]: value, ...(key === 'name' && id === null && !idTouched ? { id: fieldIdOf(value), code: old.code || fieldIdOf(value).toUpperCase().slice(0, 16) } : {}) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const common = {
      code: d.code.trim(),
      name: d.name,
      nameEn: d.nameEn.trim() || null,
      prefix: d.prefix,
      width: Number(d.width),
      startNumber: Number(d.startNumber),
      dailyCap: wholeOrNull(d.dailyCap),
      defaultServiceSeconds: Math.round(Number(d.minutes) * 60),
      satisfactionTarget: Number(d.target) / 100,
    };
    const saved =
      id === null
        ? await change.run(() => fetchRoute(routes.adminServiceCreate, { body: { id: d.id, ...common } }))
        : await change.run(() => fetchRoute(routes.adminServiceUpdate, { params: { id }, body: common }));
    if (saved) onDone();
  };
  const o = change.outcome;
  return (
    <form className="setup__form" onSubmit={(e) => void submit(e)} aria-label={id === null ? w('fields.add') : w('edit')}>
      <Field label={w('fields.name')} name="name" outcome={o}>
        <input name="name" required value={d.name} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label={`${w('fields.nameEn')} (${w('optional')})`} name="nameEn" outcome={o}>
        <input name="nameEn" value={d.nameEn} onChange={(e) => set('nameEn', e.target.value)} />
      </Field>
      {id === null && (
        <Field label={w('fields.id')} name="id" outcome={o}>
          <input name="id" required value={d.id} onChange={(e) => (setIdTouched(true), set('id', e.target.value))} />
        </Field>
      )}
      <Field label={w('fields.code')} name="code" outcome={o}>
        <input name="code" required value={d.code} onChange={(e) => set('code', e.target.value)} />
      </Field>
      <Field label={w('fields.prefix')} name="prefix" outcome={o} hint={w('fields.example', { n: example(d) })}>
        <input name="prefix" value={d.prefix} maxLength={4} onChange={(e) => set('prefix', e.target.value.toUpperCase())} />
      </Field>
      <Field label={w('fields.width')} name="width" outcome={o}>
        <input name="width" type="number" min={1} max={6} required value={d.width} onChange={(e) => set('width', e.target.value)} />
      </Field>
      <Field label={w('fields.start')} name="startNumber" outcome={o}>
        <input name="startNumber" type="number" min={0} required value={d.startNumber} onChange={(e) => set('startNumber', e.target.value)} />
      </Field>
      <Field label={w('fields.cap')} name="dailyCap" outcome={o} hint={w('fields.capNone')}>
        <input name="dailyCap" type="number" min={1} value={d.dailyCap} onChange={(e) => set('dailyCap', e.target.value)} />
      </Field>
      <Field label={w('fields.minutes')} name="defaultServiceSeconds" outcome={o}>
        <input name="minutes" type="number" min={1} max={240} required value={d.minutes} onChange={(e) => set('minutes', e.target.value)} />
      </Field>
      <Field label={w('fields.target')} name="satisfactionTarget" outcome={o}>
        <input name="target" type="number" min={0} max={100} step={0.1} required value={d.target} onChange={(e) => set('target', e.target.value)} />
      </Field>
      <FormActions outcome={o} busy={change.busy} onCancel={onCancel} />
    </form>
  );
}

/** "Stop issuing today": the reason the kiosk tile and the phone page show until the day ends. */
function StopForm({ service, onDone, onCancel }: { service: AdminServiceDto; onDone: () => void; onCancel: () => void }) {
  const { w } = useSetupWords();
  const [reason, setReason] = useState(w('fields.stopReasonDefault'));
  const change = useChange();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await change.run(() => fetchRoute(routes.adminServiceUpdate, { params: { id: service.id }, body: { stoppedToday: { reason } } }));
    if (saved) onDone();
  };
  return (
    <form className="setup__form" onSubmit={(e) => void submit(e)} aria-label={`${w('fields.stop')}: ${service.name}`}>
      <p className="setup__wide setup__form-title">{`${w('fields.stop')}: ${service.name}`}</p>
      <Field label={w('fields.stopReason')} name="stoppedToday.reason" outcome={change.outcome}>
        <input name="stopReason" required maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <FormActions outcome={change.outcome} busy={change.busy} onCancel={onCancel} />
    </form>
  );
}
