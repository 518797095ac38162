import type { CenterConfig } from '../config/schema';
import { serviceDayOf } from '../queue';
import { exportSetup } from '../store/setup';
import type { FloorContext } from './context';
import { adminCounterDto, adminServiceDto, createCounter, createService, setupChange, updateCounter, updateService } from './setup-commands';
import { applyImport, planImport } from './setup-import';
import { adminUserDto, centerDto, changePassword, createUser, resetPassword, updateCenter, updateUser } from './setup-users';
import { auditPage } from './setup-audit';
import { runFirstSetup, setupNeeded, type FirstSetupRequest } from './setup-first';
import { addDevice, revokeDevice, type NewDevice } from './setup-devices';
import { setHubLink } from './setup-hub';
import type { HubTarget } from '../store/hub-link';

/** The admin side of the floor: reading and changing the setup. */
export function createSetup(ctx: FloorContext) {
  const day = () => serviceDayOf(ctx.deps.now(), ctx.timeZone);
  // Asked by every API request; once a setup exists it is never removed, so the answer is read until then only.
  let done = false;
  return {
    /** No setup yet: the first-run wizard (`/api/setup`) is the only way in. */
    needed: () => !(done ||= !setupNeeded(ctx)),
    runFirstSetup: (req: FirstSetupRequest) => runFirstSetup(ctx, req),
    center: () => centerDto(ctx),
    updateCenter: (actorId: number, body: Parameters<typeof updateCenter>[2]) => updateCenter(ctx, actorId, body),
    services: () => {
      const today = day();
      return ctx.q.setup.services().map((s, i) => adminServiceDto(ctx, { ...s, sort: i }, today));
    },
    createService: (actorId: number, body: Parameters<typeof createService>[2]) => createService(ctx, actorId, body),
    updateService: (actorId: number, id: string, body: Parameters<typeof updateService>[3]) => updateService(ctx, actorId, id, body),
    counters: () => ctx.q.setup.counters().map((c) => adminCounterDto(ctx, c)),
    createCounter: (actorId: number, body: Parameters<typeof createCounter>[2]) => createCounter(ctx, actorId, body),
    updateCounter: (actorId: number, id: number, body: Parameters<typeof updateCounter>[3]) => updateCounter(ctx, actorId, id, body),
    users: () => ctx.q.setup.accounts().map(adminUserDto),
    createUser: (actorId: number, body: Parameters<typeof createUser>[2]) => createUser(ctx, actorId, body),
    updateUser: (actorId: number, id: number, body: Parameters<typeof updateUser>[3]) => updateUser(ctx, actorId, id, body),
    resetPassword: (actorId: number, id: number) => resetPassword(ctx, actorId, id),
    changePassword: (userId: number, body: Parameters<typeof changePassword>[2], keepTokenHash: string) => changePassword(ctx, userId, body, keepTokenHash),
    addDevice: (actorId: number, d: NewDevice) => addDevice(ctx, actorId, d),
    revokeDevice: (actorId: number, id: string) => revokeDevice(ctx, actorId, id),
    /** Joins (or with null leaves) the city hub; the push loop follows once the change is committed. */
    setHubLink: (actorId: number, target: HubTarget | null) => setHubLink(ctx, actorId, target),
    audit: (q: Parameters<typeof auditPage>[1]) => auditPage(ctx, q),
    exportSetup: () => exportSetup(ctx.db, ctx.config),
    planImport: (incoming: CenterConfig) => planImport(ctx.db, incoming),
    /** Applies a config file in one transaction; each change is logged as the admin's. */
    importSetup: (actorId: number, incoming: CenterConfig) =>
      setupChange(ctx, actorId, { entity: 'center', id: () => 'import' }, (tx, log) => applyImport(ctx.db, incoming, { now: tx.now, day: tx.day, checkInUse: true, log })),
  };
}
export type Setup = ReturnType<typeof createSetup>;
