import { useState } from 'react';
import type { CounterDto } from '@qms/protocol';
import { staffPhotoUrl } from '@qms/protocol/staff-photo';
import { initials, useLang } from '@qms/ui-kit';
import { say } from './words';

/** The officer at the counter: photo (or initials when there is none), name and title. */
export function Officer({ staff }: { staff: CounterDto['staff'] }) {
  const { lang } = useLang();
  // Keyed by address: a photo uploaded or removed by the manager comes with a new version, so it is tried afresh.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (!staff) return <div className="officer officer--none">{say(lang, 'noOfficer')}</div>;
  // photoVersion is null while the officer has no photo: nothing to ask for, so no 404 and no broken-image flash.
  const photo = staff.photoVersion ? staffPhotoUrl(staff) : null;
  return (
    <div className="officer">
      {photo === null || failedUrl === photo ? (
        <div className="officer__photo officer__photo--initials" aria-hidden="true">{initials(staff.name)}</div>
      ) : (
        <img className="officer__photo" src={photo} alt="" onError={() => setFailedUrl(photo)} />
      )}
      <div className="officer__text">
        <span className="officer__label">{say(lang, 'officer')}</span>
        <span className="officer__name">{staff.name}</span>
        {staff.title && <span className="officer__title">{staff.title}</span>}
      </div>
    </div>
  );
}
