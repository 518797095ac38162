import { priorityIcons, type PriorityCategory, type PriorityIcon as Icon } from '@qms/protocol';
import { PriorityIcon } from '@qms/ui-kit';
import { useSetupWords } from './words';

/** A row being edited: `saved` rows keep their code (tickets carry it), new ones get one from their name. */
export type GroupRow = PriorityCategory & { key: string; saved: boolean; codeTyped?: boolean };

export const rowsOf = (groups: PriorityCategory[]): GroupRow[] => groups.map((g) => ({ ...g, key: g.code, saved: true }));
export const groupsOf = (rows: GroupRow[]) =>
  rows.map((r) => ({ code: r.code.trim(), name: r.name.trim(), nameEn: r.nameEn?.trim() || null, icon: r.icon }));

/** "Người có công" → `nguoi_co_cong`: the code a new group gets unless one is typed. */
export function codeFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32);
}

let nextKey = 0;

/** The priority groups as a small table: add, rename, pick an icon, remove. */
export function PriorityGroups({ rows, onChange }: { rows: GroupRow[]; onChange: (rows: GroupRow[]) => void }) {
  const { w } = useSetupWords();
  const set = (i: number, patch: Partial<GroupRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="setup__priority">
      {rows.length === 0 && <p className="qms-hint">{w('priority.none')}</p>}
      {rows.length > 0 && (
        <table className="qms-table setup__table">
          <thead>
            <tr>
              <th>{w('priority.name')}</th>
              <th>
                {w('priority.nameEn')} ({w('optional')})
              </th>
              <th>{w('priority.icon')}</th>
              <th>{w('priority.code')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key} data-priority-row={i}>
                <td>
                  <input
                    name={`priority-name-${i}`}
                    aria-label={w('priority.name')}
                    required
                    maxLength={60}
                    value={r.name}
                    onChange={(e) => set(i, { name: e.target.value, ...(r.saved || r.codeTyped ? {} : { code: codeFrom(e.target.value) }) })}
                  />
                </td>
                <td>
                  <input name={`priority-nameEn-${i}`} aria-label={w('priority.nameEn')} maxLength={60} value={r.nameEn ?? ''} onChange={(e) => set(i, { nameEn: e.target.value })} />
                </td>
                <td>
                  <span className="setup__icon-pick">
                    {r.icon && <PriorityIcon icon={r.icon} />}
                    <select name={`priority-icon-${i}`} aria-label={w('priority.icon')} value={r.icon ?? ''} onChange={(e) => set(i, { icon: (e.target.value || null) as Icon | null })}>
                      <option value="">{w('icon.none')}</option>
                      {priorityIcons.map((icon) => (
                        <option key={icon} value={icon}>
                          {w(`icon.${icon}`)}
                        </option>
                      ))}
                    </select>
                  </span>
                </td>
                <td>
                  {r.saved ? (
                    <code>{r.code}</code>
                  ) : (
                    <input name={`priority-code-${i}`} aria-label={w('priority.code')} required pattern="[a-z_]{2,32}" value={r.code} onChange={(e) => set(i, { code: e.target.value, codeTyped: true })} />
                  )}
                </td>
                <td className="setup__actions">
                  <button type="button" className="qms-btn qms-btn--small" data-remove-priority={r.code} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    {w('priority.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length < 10 && (
        <button type="button" className="qms-btn qms-btn--small" data-add-priority onClick={() => onChange([...rows, { key: `new-${nextKey++}`, code: '', name: '', nameEn: null, icon: null, saved: false }])}>
          {w('priority.add')}
        </button>
      )}
    </div>
  );
}
