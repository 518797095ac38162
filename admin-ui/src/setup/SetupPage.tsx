import { useState, type ReactNode } from 'react';
import type { CounterDto } from '@qms/protocol';
import { ChangePasswordForm, useLang, type UseFloorResult } from '@qms/ui-kit';
import { Calendar } from '../Calendar';
import { DisplaySettingsForm } from '../DisplaySettingsForm';
import { StaffPhotos } from '../StaffPhotos';
import { VoiceStudio } from '../voice/VoiceStudio';
import { Accounts } from './Accounts';
import { AppointmentRulesForm } from './AppointmentRules';
import { AuditLog } from './AuditLog';
import { Center } from './Center';
import { Counters } from './Counters';
import { Devices } from './Devices';
import { Fields } from './Fields';
import { HubLink } from './HubLink';
import { SetupFileTransfer } from './SetupFileTransfer';
import { useSetupWords } from './words';

export const setupSections = ['center', 'fields', 'appointments', 'counters', 'accounts', 'devices', 'staff', 'calendar', 'display', 'voice', 'log', 'file', 'hub', 'password'] as const;
export type SetupSection = (typeof setupSections)[number];

/** The setup pages: a list of sections on the left, the chosen one on the right. Managers read, admins change. */
export function SetupPage(props: {
  section: SetupSection;
  onSection: (s: SetupSection) => void;
  canEdit: boolean;
  counters: CounterDto[];
  today: string;
  subscribe: UseFloorResult['subscribe'];
}) {
  const { section, onSection, canEdit, counters, today, subscribe } = props;
  const { w } = useSetupWords();
  const pages: Record<SetupSection, () => ReactNode> = {
    center: () => <Center canEdit={canEdit} subscribe={subscribe} />,
    fields: () => <Fields canEdit={canEdit} subscribe={subscribe} />,
    appointments: () => <AppointmentRulesForm canEdit={canEdit} subscribe={subscribe} />,
    counters: () => <Counters canEdit={canEdit} subscribe={subscribe} />,
    accounts: () => <Accounts canEdit={canEdit} subscribe={subscribe} />,
    devices: () => <Devices canEdit={canEdit} subscribe={subscribe} />,
    staff: () => <StaffPhotos counters={counters} subscribe={subscribe} />,
    calendar: () => <Calendar today={today} canEdit={canEdit} />,
    display: () => <DisplaySettingsForm />,
    voice: () => <VoiceStudio canEdit={canEdit} />,
    log: () => <AuditLog subscribe={subscribe} />,
    file: () => (canEdit ? <SetupFileTransfer /> : <p className="qms-notice">{w('readOnly')}</p>),
    hub: () => <HubLink canEdit={canEdit} />,
    password: () => <MyPassword />,
  };
  return (
    <div className="setup">
      <nav className="setup__nav" role="tablist" aria-orientation="vertical" aria-label={w('tab.setup')}>
        {setupSections.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={section === s} className={`setup__nav-item${section === s ? ' setup__nav-item--active' : ''}`} onClick={() => onSection(s)}>
            {w(`nav.${s}`)}
          </button>
        ))}
      </nav>
      <div className="setup__page">
        {!canEdit && !['password', 'staff', 'display', 'calendar', 'voice'].includes(section) && <p className="qms-notice setup__readonly">{w('readOnly')}</p>}
        {pages[section]()}
      </div>
    </div>
  );
}

function MyPassword() {
  const { t } = useLang();
  const [done, setDone] = useState(false);
  return (
    <section className="qms-card setup__section">
      <ChangePasswordForm onChanged={() => setDone(true)} />
      {done && (
        <p className="qms-notice" role="status">
          {t('password.done')}
        </p>
      )}
    </section>
  );
}
