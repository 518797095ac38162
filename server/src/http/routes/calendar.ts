import { CalendarDto, CalendarPrefill, CalendarUpdate, CalendarYear } from '@qms/protocol';
import { z } from 'zod';
import { createCalendar } from '../../calendar/service';
import { allow, currentUser } from '../auth';
import { errorResponses, validJson, validQuery, type Router } from '../router';
import type { RouteDeps } from './deps';

const YearQuery = z.object({ year: CalendarYear });

/** The center's working calendar: weekly issuing hours, holidays and make-up working days (admin writes, manager reads). */
export function calendarRoutes(r: Router, { floor, db }: RouteDeps) {
  const calendar = createCalendar({ db, floor });
  const thisYear = Number(floor.serviceDay().slice(0, 4));
  calendar.ensure([thisYear, thisYear + 1]);

  r.doc({
    method: 'get',
    path: '/api/admin/calendar',
    summary: 'The weekly issuing hours and the year\'s holidays and make-up working days',
    access: 'manager, admin',
    query: YearQuery,
    responses: { 200: { description: 'Hours and days', schema: CalendarDto }, ...errorResponses(400, 401, 403) },
  });
  r.app.get('/api/admin/calendar', allow('manager', 'admin'), validQuery(YearQuery), (c) => c.json(calendar.get(c.req.valid('query').year)));

  r.doc({
    method: 'put',
    path: '/api/admin/calendar',
    summary: 'Replace the weekly hours and/or the whole list of a year\'s special days; open kiosks get `services.updated` at once',
    access: 'admin',
    body: CalendarUpdate,
    responses: { 200: { description: 'Hours and days now in force', schema: CalendarDto }, ...errorResponses(400, 401, 403) },
  });
  r.app.put('/api/admin/calendar', allow('admin'), validJson(CalendarUpdate), (c) => c.json(calendar.update(c.req.valid('json'), currentUser(c).id)));

  r.doc({
    method: 'post',
    path: '/api/admin/calendar/prefill',
    summary: 'Fill in Vietnam\'s public holidays of the year (computed from the Labor Code and the lunar calendar, with published swaps); days entered by hand are kept',
    access: 'admin',
    body: CalendarPrefill,
    responses: { 200: { description: 'Hours and days now in force', schema: CalendarDto }, ...errorResponses(400, 401, 403) },
  });
  r.app.post('/api/admin/calendar/prefill', allow('admin'), validJson(CalendarPrefill), (c) => c.json(calendar.prefill(c.req.valid('json').year, currentUser(c).id)));
}
