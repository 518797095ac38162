import { useState } from 'react';
import type { CounterDto } from '@qms/protocol';
import { useLang } from '@qms/ui-kit';
import { say } from './words';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/** The officer at the counter: photo (or initials when there is none), name and title. */
export function Officer({ staff }: { staff: CounterDto['staff'] }) {
  const { lang } = useLang();
  const [photoFailed, setPhotoFailed] = useState<number | null>(null);
  if (!staff) return <div className="officer officer--none">{say(lang, 'noOfficer')}</div>;
  return (
    <div className="officer">
      {photoFailed === staff.id ? (
        <div className="officer__photo officer__photo--initials" aria-hidden="true">{initials(staff.name)}</div>
      ) : (
        <img className="officer__photo" src={`/api/staff/${staff.id}/photo`} alt="" onError={() => setPhotoFailed(staff.id)} />
      )}
      <div className="officer__text">
        <span className="officer__label">{say(lang, 'officer')}</span>
        <span className="officer__name">{staff.name}</span>
        {staff.title && <span className="officer__title">{staff.title}</span>}
      </div>
    </div>
  );
}
