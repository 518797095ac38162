import { routes } from '@qms/protocol';
import { allow, currentUser } from '../auth';
import { ApiFailure } from '../errors';
import { serveRoute } from '../route-table';
import type { Router } from '../router';
import type { RouteDeps } from './deps';

/** The admin page's link to the city hub (docs/hub.md): read by admins and managers, set or cleared by admins. */
export function hubLinkRoutes(r: Router, { floor, hubLink }: RouteDeps) {
  if (!hubLink) return;
  const write = (apply: (actorId: number) => void) => (c: Parameters<Parameters<typeof serveRoute>[3]>[0]) => {
    if (hubLink.fromEnvironment()) throw new ApiFailure('hub_from_environment', {});
    apply(currentUser(c).id);
    hubLink.apply();
    return hubLink.view();
  };
  serveRoute(r, routes.adminHub, allow('admin', 'manager'), () => hubLink.view());
  serveRoute(r, routes.adminHubUpdate, allow('admin'), (c, { body }) => write((actor) => floor.setup.setHubLink(actor, { url: body.url.replace(/\/+$/, ''), key: body.key }))(c));
  serveRoute(r, routes.adminHubClear, allow('admin'), (c) => write((actor) => floor.setup.setHubLink(actor, null))(c));
}
