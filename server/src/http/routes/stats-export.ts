import { PassThrough, Readable } from 'node:stream';
import { z } from 'zod';
import { StatsGroupBy } from '@qms/protocol';
import { figuresCsv } from '../../stats/csv';
import { paperBallotsIn } from '../../stats/paper';
import type { GroupBy } from '../../stats/summary';
import { writeWorkbook } from '../../stats/xlsx';
import { allow } from '../auth';
import { errorResponses, validQuery, type Router } from '../router';
import type { RouteDeps } from './deps';
import { checkRange, reportParagraphFor } from './stats';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const ExportQuery = z.object({ from: localDate, to: localDate }).refine((q) => q.from <= q.to, { message: '"from" must not be after "to"' });
const CsvQuery = z
  .object({
    from: localDate,
    to: localDate,
    groupBy: StatsGroupBy.optional(),
    excel: z.enum(['vi']).optional(),
  })
  .refine((q) => q.from <= q.to, { message: '"from" must not be after "to"' });

const sheets: { by: GroupBy; name: string; keyHeader: string }[] = [
  { by: 'service', name: 'Theo lĩnh vực', keyHeader: 'Lĩnh vực' },
  { by: 'counter', name: 'Theo quầy', keyHeader: 'Quầy' },
  { by: 'staff', name: 'Theo cán bộ', keyHeader: 'Cán bộ' },
  { by: 'day', name: 'Theo ngày', keyHeader: 'Ngày' },
];
const keyHeaders: Record<GroupBy, string> = {
  service: 'Lĩnh vực',
  counter: 'Quầy',
  staff: 'Cán bộ',
  day: 'Ngày',
  hour: 'Giờ',
  weekday: 'Thứ',
  weekday_hour: 'Thứ và giờ',
};

/** `bao-cao-2026-03-01_2026-03-31.xlsx`; the CSV for Excel under Vietnamese settings ends in `-excel-vi.csv`. */
const fileName = (from: string, to: string, ending: '.xlsx' | '.csv' | '-excel-vi.csv') => `bao-cao-${from}_${to}${ending}`;
const disposition = (name: string) => `attachment; filename="${name}"`;

export function statsExportRoutes(r: Router, { floor, db, stats }: RouteDeps) {
  const base = () => ({ timeZone: floor.timeZone, reports: floor.config.reports });

  r.doc({
    method: 'get',
    path: '/api/stats/export.xlsx',
    summary: 'The period’s figures as an Excel workbook in Vietnamese: summary with the report paragraph, per field, counter, officer and day, paper ballots; streamed',
    access: 'manager, admin',
    query: ExportQuery,
    responses: {
      200: { description: 'Workbook', schema: z.string(), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      ...errorResponses(400, 401, 403),
    },
  });
  r.app.get('/api/stats/export.xlsx', allow('manager', 'admin'), validQuery(ExportQuery), async (c) => {
    const q = c.req.valid('query');
    checkRange(q);
    const { totals, groups } = await stats.summarizeMany({ ...q, ...base() }, sheets.map((s) => s.by));
    const pass = new PassThrough();
    writeWorkbook(pass, {
      centerName: floor.config.center.name,
      from: q.from,
      to: q.to,
      totals,
      sheets: sheets.map((s) => ({ name: s.name, keyHeader: s.keyHeader, groups: groups.get(s.by)! })),
      ballots: paperBallotsIn(db, q.from, q.to, floor.timeZone),
      serviceNames: new Map(floor.queries.setup.services().map((s) => [s.id, s.name])), // archived fields too
      paragraph: reportParagraphFor({ floor, db }, q, { totals, groups }),
    }).catch((err: unknown) => pass.destroy(err as Error));
    return new Response(Readable.toWeb(pass) as ReadableStream, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': disposition(fileName(q.from, q.to, '.xlsx')),
        'cache-control': 'no-store',
      },
    });
  });

  r.doc({
    method: 'get',
    path: '/api/stats/export.csv',
    summary:
      'The figures as CSV (UTF-8 with BOM, so Excel shows Vietnamese), one row per group (default per field) and the total; `excel=vi` separates fields with `;` and writes decimal commas, as Excel under Vietnamese regional settings reads them',
    access: 'manager, admin',
    query: CsvQuery,
    responses: { 200: { description: 'CSV', schema: z.string(), contentType: 'text/csv; charset=utf-8' }, ...errorResponses(400, 401, 403) },
  });
  r.app.get('/api/stats/export.csv', allow('manager', 'admin'), validQuery(CsvQuery), async (c) => {
    const q = c.req.valid('query');
    checkRange(q);
    const by = q.groupBy ?? 'service';
    const { totals, groups } = await stats.summarizeMany({ from: q.from, to: q.to, ...base() }, [by]);
    return new Response(figuresCsv(keyHeaders[by], groups.get(by)!, totals, q.excel === 'vi' ? 'excel-vi' : 'standard'), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        // Named apart from the standard CSV, so the two downloads are not taken for one another.
        'content-disposition': disposition(fileName(q.from, q.to, q.excel === 'vi' ? '-excel-vi.csv' : '.csv')),
        'cache-control': 'no-store',
      },
    });
  });
}
