import { DisplaySettings, DisplaySettingsPatch } from '@qms/protocol';
import { allow, currentUser } from '../auth';
import { errorResponses, validJson, type Router } from '../router';
import type { RouteDeps } from './deps';

/** The manager's settings for the hall displays: scrolling notice, announcement wording, repeats, number reading. */
export function displaySettingsRoutes(r: Router, { floor }: RouteDeps) {
  r.doc({
    method: 'get',
    path: '/api/display/settings',
    summary: 'Hall display settings: notice line, announcement template, repeat count, number reading',
    access: 'anyone on the LAN',
    responses: { 200: { description: 'The settings', schema: DisplaySettings } },
  });
  r.app.get('/api/display/settings', (c) => c.json(floor.displaySettings()));

  r.doc({
    method: 'put',
    path: '/api/display/settings',
    summary: 'Change some display settings; every connected display gets them at once (`display.settings` event)',
    access: 'manager, admin',
    body: DisplaySettingsPatch,
    responses: { 200: { description: 'The settings now in force', schema: DisplaySettings }, ...errorResponses(400, 401, 403) },
  });
  r.app.put('/api/display/settings', allow('manager', 'admin'), validJson(DisplaySettingsPatch), (c) => {
    const next = DisplaySettings.parse({ ...floor.displaySettings(), ...c.req.valid('json') });
    return c.json(floor.saveDisplaySettings(next, currentUser(c).id));
  });
}
