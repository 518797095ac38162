import { useEffect, useRef, useState, type FormEvent } from 'react';
import { routes, type AppointmentDto, type AppointmentRules, type AppointmentRulesReply, type AppointmentSettings } from '@qms/protocol';
import { fetchRoute, type UseFloorResult } from '@qms/ui-kit';
import { useChange, useSetupList } from './data';
import { Field, FormActions } from './parts';
import { useSetupWords, type SetupWordKey } from './words';

type Text<T> = { [K in keyof T]: T[K] extends boolean ? boolean : string };
type RuleDraft = Text<AppointmentRules> & { serviceId: string };
type SettingsDraft = Text<AppointmentSettings>;

// Object.fromEntries is missing in the oldest supported browsers (Chrome 69).
const mapValues = (o: object, f: (v: unknown) => unknown): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = f(v);
  return out;
};
const text = <T extends object>(o: T): Text<T> => mapValues(o, (v) => (typeof v === 'boolean' ? v : String(v))) as Text<T>;
const numbers = <T extends object>(o: Text<T>): T => mapValues(o, (v) => (typeof v === 'boolean' ? v : Number(v))) as T;

const settingRows: [keyof AppointmentSettings, SetupWordKey][] = [
  ['checkInBeforeMinutes', 'appt.checkInBefore'],
  ['checkInAfterMinutes', 'appt.checkInAfter'],
  ['phoneRetentionDays', 'appt.retention'],
  ['perPhonePerDay', 'appt.perPhone'],
  ['perDevicePerDay', 'appt.perDevice'],
  ['bookedCallsInARow', 'appt.inARow'],
  ['walkInWaitMinutes', 'appt.walkInWait'],
];

/**
 * The booking rules: each field's slots (length, bookings per slot, largest share of the day) and the center-wide
 * check-in window, retention and limits. Saving never cancels a booking: those now outside the rules are listed.
 */
export function AppointmentRulesForm({ canEdit, subscribe }: { canEdit: boolean; subscribe: UseFloorResult['subscribe'] }) {
  const { w } = useSetupWords();
  const rules = useSetupList(routes.appointmentRules, subscribe, ['appointments', 'appointment', 'service']);
  const services = useSetupList(routes.adminServices, subscribe, ['service']);
  // Kept here: the form is drawn again from the saved rules, the warning about bookings stays.
  const [affected, setAffected] = useState<AppointmentDto[] | null>(null);
  return (
    <section className="qms-card setup__section" aria-labelledby="appointments-title">
      <div className="setup__head">
        <h2 id="appointments-title">{w('nav.appointments')}</h2>
      </div>
      <p className="qms-hint">{w('appt.intro')}</p>
      {(rules.error || services.error) && <p className="qms-error">{rules.error ?? services.error}</p>}
      {affected && <Affected list={affected} />}
      {(!rules.data || !services.data) && !rules.error && <p className="qms-hint">{w('loading')}</p>}
      {rules.data && services.data && (
        <RulesForm
          key={JSON.stringify(rules.data)}
          initial={rules.data}
          names={new Map(services.data.filter((s) => !s.archived).map((s) => [s.id, s.name]))}
          canEdit={canEdit}
          onSaving={() => setAffected(null)}
          onSaved={(list) => {
            setAffected(list);
            rules.reload();
          }}
        />
      )}
    </section>
  );
}

function RulesForm(props: { initial: AppointmentRulesReply; names: Map<string, string>; canEdit: boolean; onSaving: () => void; onSaved: (affected: AppointmentDto[]) => void }) {
  const { initial, names, canEdit, onSaving, onSaved } = props;
  const { w } = useSetupWords();
  const [rows, setRows] = useState<RuleDraft[]>(() => initial.services.filter((s) => names.has(s.serviceId)).map((s) => ({ serviceId: s.serviceId, ...text(s.rules) })));
  const [settings, setSettings] = useState<SettingsDraft>(() => text(initial.settings));
  const change = useChange();
  const setRow = (i: number, patch: Partial<RuleDraft>) => setRows((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onSaving();
    const reply = await change.run(
      () =>
        fetchRoute(routes.appointmentRulesUpdate, {
          body: { settings: numbers<AppointmentSettings>(settings), services: rows.map(({ serviceId, ...r }) => ({ serviceId, rules: numbers<AppointmentRules>(r) })) },
        }),
      null,
    );
    if (reply) onSaved(reply.affected);
  };
  const o = change.outcome;
  return (
    <form className="setup__appt" onSubmit={(e) => void submit(e)} aria-label={w('nav.appointments')}>
      <div className="setup__scroll">
        <table className="qms-table setup__table">
          <thead>
            <tr>
              <th>{w('appt.field')}</th>
              <th>{w('appt.enabled')}</th>
              <th className="num">{w('appt.slotMinutes')}</th>
              <th className="num">{w('appt.perSlot')}</th>
              <th className="num">{w('appt.maxShare')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.serviceId} data-service={r.serviceId}>
                <td>
                  <strong>{names.get(r.serviceId)}</strong>
                </td>
                <td>
                  <input type="checkbox" name={`enabled-${r.serviceId}`} aria-label={w('appt.enabled')} disabled={!canEdit} checked={r.enabled} onChange={(e) => setRow(i, { enabled: e.target.checked })} />
                </td>
                <td className="num">
                  <input className="setup__num" name={`slotMinutes-${r.serviceId}`} aria-label={w('appt.slotMinutes')} type="number" min={5} max={240} required disabled={!canEdit} value={r.slotMinutes} onChange={(e) => setRow(i, { slotMinutes: e.target.value })} />
                </td>
                <td className="num">
                  <input className="setup__num" name={`perSlot-${r.serviceId}`} aria-label={w('appt.perSlot')} type="number" min={1} max={50} required disabled={!canEdit} value={r.perSlot} onChange={(e) => setRow(i, { perSlot: e.target.value })} />
                </td>
                <td className="num">
                  <input className="setup__num" name={`maxSharePercent-${r.serviceId}`} aria-label={w('appt.maxShare')} type="number" min={1} max={100} required disabled={!canEdit} value={r.maxSharePercent} onChange={(e) => setRow(i, { maxSharePercent: e.target.value })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="setup__subhead">{w('appt.center')}</h3>
      <div className="setup__form setup__form--plain">
        {settingRows.map(([key, label]) => (
          <Field key={key} label={w(label)} name={`settings.${key}`} outcome={o}>
            <input name={key} type="number" min={0} required disabled={!canEdit} value={settings[key]} onChange={(e) => setSettings((old) => ({ ...old, [key]: e.target.value }))} />
          </Field>
        ))}
      </div>
      {canEdit && <FormActions outcome={o} busy={change.busy} onCancel={() => (setRows(initial.services.filter((s) => names.has(s.serviceId)).map((s) => ({ serviceId: s.serviceId, ...text(s.rules) }))), setSettings(text(initial.settings)), change.setOutcome(null), onSaving())} />}
    </form>
  );
}

/** After a save: the bookings already made that the new rules would not allow. They are kept; the admin may tell the citizens. */
function Affected({ list }: { list: AppointmentDto[] }) {
  const { w } = useSetupWords();
  // Above the form, which may be scrolled past: brought into view when it appears.
  const shown = useRef<HTMLDivElement>(null);
  useEffect(() => shown.current?.scrollIntoView(), []);
  return (
    <div ref={shown} className={list.length > 0 ? 'setup__affected' : 'qms-notice'} role="status" data-testid="rules-affected">
      <p>{list.length > 0 ? w('appt.affected', { n: list.length }) : w('appt.affectedNone')}</p>
      {list.length > 0 && (
        <ul>
          {list.map((b) => (
            <li key={b.code}>
              <strong className="setup__mono">{b.code}</strong> · {b.serviceName} · {b.slotStart.slice(11, 16)} {b.date.split('-').reverse().join('/')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
