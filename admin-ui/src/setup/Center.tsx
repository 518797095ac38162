import { useState, type FormEvent } from 'react';
import { routes, type AdminCenterDto } from '@qms/protocol';
import { fetchRoute, type UseFloorResult } from '@qms/ui-kit';
import { useChange, useSetupList } from './data';
import { Field, OutcomeLine } from './parts';
import { groupsOf, PriorityGroups, rowsOf } from './PriorityGroups';
import { useSetupWords } from './words';

/** The center's name (on every screen and ticket), English name, hotline, time zone, priority groups and rating scale. */
export function Center({ canEdit, subscribe }: { canEdit: boolean; subscribe: UseFloorResult['subscribe'] }) {
  const { w } = useSetupWords();
  const { data, error } = useSetupList(routes.adminCenter, subscribe, ['center']);
  return (
    <section className="qms-card setup__section" aria-labelledby="center-title">
      <h2 id="center-title">{w('nav.center')}</h2>
      <p className="qms-hint">{w('center.intro')}</p>
      {error && <p className="qms-error">{error}</p>}
      {!data && !error && <p className="qms-hint">{w('loading')}</p>}
      {/* A change saved elsewhere starts the form over from the new values. */}
      {data && <CenterForm key={JSON.stringify(data)} initial={data} canEdit={canEdit} />}
    </section>
  );
}

function CenterForm({ initial, canEdit }: { initial: AdminCenterDto; canEdit: boolean }) {
  const { w } = useSetupWords();
  const [d, setD] = useState(initial);
  const [groups, setGroups] = useState(() => rowsOf(initial.priorityCategories));
  const change = useChange();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name: d.name, nameEn: d.nameEn?.trim() || null, hotline: d.hotline, timezone: d.timezone, priorityCategories: groupsOf(groups), ratingScale: d.ratingScale };
    await change.run(() => fetchRoute(routes.adminCenterUpdate, { body }));
  };
  const o = change.outcome;
  return (
    <form className="setup__form" onSubmit={(e) => void submit(e)}>
      <fieldset className="setup__plain" disabled={!canEdit}>
        <Field label={w('center.name')} name="name" outcome={o}>
          <input name="name" required value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
        </Field>
        <Field label={`${w('center.nameEn')} (${w('optional')})`} name="nameEn" outcome={o}>
          <input name="nameEn" value={d.nameEn ?? ''} onChange={(e) => setD({ ...d, nameEn: e.target.value })} />
        </Field>
        <Field label={w('center.hotline')} name="hotline" outcome={o}>
          <input name="hotline" value={d.hotline} onChange={(e) => setD({ ...d, hotline: e.target.value })} />
        </Field>
        <Field label={w('center.timezone')} name="timezone" outcome={o} hint={w('center.timezoneHint')}>
          <input name="timezone" required value={d.timezone} onChange={(e) => setD({ ...d, timezone: e.target.value })} />
        </Field>
        {/* Not a <label>: the table holds several inputs and buttons. */}
        <div className="setup__field setup__wide" data-field="priorityCategories" role="group" aria-labelledby="priority-label">
          <span className="setup__label" id="priority-label">
            {w('center.priority')}
          </span>
          <PriorityGroups rows={groups} onChange={setGroups} />
          {o && !o.ok && o.fields?.priorityCategories ? (
            <span className="setup__problem" role="alert">
              {o.fields.priorityCategories}
            </span>
          ) : (
            <span className="qms-hint">{w('center.priorityHint')}</span>
          )}
        </div>
        <h3 className="setup__wide setup__subhead">{w('rating.title')}</h3>
        <Field label={w('rating.scale')} name="ratingScale" outcome={o} hint={w('rating.scaleHint')}>
          <select name="ratingScale" value={d.ratingScale} onChange={(e) => setD({ ...d, ratingScale: Number(e.target.value) as AdminCenterDto['ratingScale'] })}>
            {([3, 4, 5] as const).map((n) => (
              <option key={n} value={n}>
                {w(`rating.scale${n}`)}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>
      {canEdit && (
        <div className="setup__form-actions">
          <OutcomeLine outcome={o} />
          <button type="submit" className="qms-btn qms-btn--small qms-btn--primary" disabled={change.busy}>
            {change.busy ? w('saving') : w('save')}
          </button>
        </div>
      )}
    </form>
  );
}
