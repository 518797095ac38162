import { toLocalIso, type AuditReply } from '@qms/protocol';
import type { FloorContext } from './context';

interface Row {
  id: number;
  type: string;
  staff_id: number | null;
  payload: string;
  at: number;
  name: string | null;
}

/** The change log: `setup.*` events newest first, with the name of who made each change. */
export function auditPage(ctx: FloorContext, q: { before?: number | undefined; limit: number; entity?: string | undefined }): AuditReply {
  // `type` ranges instead of LIKE, so the (type, id) index serves them.
  const from = q.entity ? `setup.${q.entity}.` : 'setup.';
  const to = from.slice(0, -1) + '/';
  const rows = ctx.db
    .prepare<[string, string, number, number], Row>(
      `SELECT e.id, e.type, e.staff_id, e.payload, e.at, u.name FROM events e LEFT JOIN users u ON u.id = e.staff_id
       WHERE e.type >= ? AND e.type < ? AND e.id < ? ORDER BY e.id DESC LIMIT ?`,
    )
    .all(from, to, q.before ?? Number.MAX_SAFE_INTEGER, q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map((r) => {
      const p = JSON.parse(r.payload) as { entity?: string; id?: string; before?: unknown; after?: unknown };
      const [, entity = '', action = ''] = r.type.split('.');
      return {
        id: r.id,
        at: toLocalIso(r.at, ctx.timeZone),
        type: r.type,
        entity: p.entity ?? entity,
        action,
        targetId: String(p.id ?? ''),
        before: p.before ?? null,
        after: p.after ?? null,
        by: r.staff_id !== null ? { id: r.staff_id, name: r.name ?? '' } : null,
      };
    }),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}
