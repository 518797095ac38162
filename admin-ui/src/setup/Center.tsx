import { useState, type FormEvent } from 'react';
import { routes, type AdminCenterDto } from '@qms/protocol';
import { fetchRoute, type UseFloorResult } from '@qms/ui-kit';
import { useChange, useSetupList } from './data';
import { Field, OutcomeLine } from './parts';
import { useSetupWords } from './words';

/** The center's name (on every screen and ticket), English name, hotline, time zone and priority categories. */
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
  // Typed as text, so a comma being typed is not swallowed.
  const [categories, setCategories] = useState(initial.priorityCategories.join(', '));
  const change = useChange();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const priorityCategories = categories.split(',').map((x) => x.trim()).filter(Boolean);
    await change.run(() => fetchRoute(routes.adminCenterUpdate, { body: { name: d.name, nameEn: d.nameEn?.trim() || null, hotline: d.hotline, timezone: d.timezone, priorityCategories } }));
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
        <Field label={w('center.priority')} name="priorityCategories" outcome={o} hint={w('center.priorityHint')}>
          <input name="priorityCategories" value={categories} onChange={(e) => setCategories(e.target.value)} />
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
