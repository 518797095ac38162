import { z, type ZodType } from 'zod';
import {
  AdminCenterDto,
  AdminCounterDto,
  AdminServiceDto,
  AdminUserDto,
  AuditQuery,
  AuditReply,
  ChangePasswordBody,
  CreateCounterBody,
  CreatedUserReply,
  CreateServiceBody,
  CreateUserBody,
  ImportQuery,
  ImportReply,
  SetupFile,
  TemporaryPasswordReply,
  UpdateCenterBody,
  UpdateCounterBody,
  UpdateServiceBody,
  UpdateUserBody,
} from './admin';
import {
  AppointmentDto,
  AppointmentKeyBody,
  AppointmentKeyQuery,
  AppointmentListQuery,
  AppointmentListReply,
  AppointmentRulesReply,
  BookAppointmentBody,
  BookAppointmentReply,
  CheckInReply,
  MoveAppointmentBody,
  SlotsQuery,
  SlotsReply,
  UpdateAppointmentRulesBody,
  UpdateAppointmentRulesReply,
} from './appointments';
import { CounterDto } from './dto';
import { HubLinkDto, UpdateHubLinkBody } from './hub-link';
import { FirstSetupBody, FirstSetupReply, SetupStatusReply } from './first-setup';
import { AdminDeviceDto, AdminDevicesReply, PairDeviceBody, PairingStartBody, PairingStartReply, PairingWaitBody, PairingWaitReply } from './pairing';
import { voiceRoutes } from './voice';

/**
 * One typed contract: each route's method, path, body, query, reply and error codes. The server registers these
 * routes from this table (and documents them in OpenAPI from it); the screens call them with ui-kit's `fetchRoute`,
 * which types the body and the reply. Names and paths here are stable: add, never rename.
 */
export interface ApiRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Hono style: `/api/admin/services/:id`. */
  path: string;
  summary: string;
  /** Who may call it, in words. */
  access: string;
  body?: ZodType;
  query?: ZodType;
  /** The success status and its body (`null`: no body, e.g. 204). */
  status: 200 | 201 | 204;
  reply: ZodType | null;
  /** Error codes the route may answer with (see server/src/http/messages.ts for their statuses and words). */
  errors: readonly string[];
}

const route = <const R extends ApiRoute>(r: R) => r;

const adminRead = 'admin, manager (read only)';
const adminWrite = 'admin';
const auth = ['unauthorized', 'session_expired', 'forbidden', 'password_change_required'] as const;
const input = ['invalid_input', 'malformed_json'] as const;

export const routes = {
  setupStatus: route({
    method: 'get',
    path: '/api/setup',
    summary: 'Whether the first-run setup is still to be done (a server started without a config file on an empty data folder)',
    access: 'anyone',
    status: 200,
    reply: SetupStatusReply,
    errors: [],
  }),
  setupRun: route({
    method: 'post',
    path: '/api/setup',
    summary:
      'First-run setup, once: the center, the first admin (signed in by the reply), fields, counters and officers (each with a one-time password, shown once) in one transaction; refused once a setup exists',
    access: 'anyone, until the center is set up',
    body: FirstSetupBody,
    status: 201,
    reply: FirstSetupReply,
    errors: [...input, 'setup_done', 'password_too_weak', 'username_taken', 'service_id_taken', 'prefix_collision', 'unknown_service', 'unknown_counter', 'counter_number_taken', 'unknown_timezone'],
  }),

  changePassword: route({
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change one’s own password (required after a reset or for a new account); other sessions of the account end',
    access: 'signed-in user',
    body: ChangePasswordBody,
    status: 204,
    reply: null,
    errors: [...auth, ...input, 'wrong_password', 'password_too_weak'],
  }),

  adminCenter: route({
    method: 'get',
    path: '/api/admin/center',
    summary: 'The center: name, English name, hotline, time zone, priority categories, rating window, report targets',
    access: adminRead,
    status: 200,
    reply: AdminCenterDto,
    errors: auth,
  }),
  adminCenterUpdate: route({
    method: 'patch',
    path: '/api/admin/center',
    summary: 'Change the center’s name, hotline, priority categories, rating window or report targets (a new time zone applies at the next start)',
    access: adminWrite,
    body: UpdateCenterBody,
    status: 200,
    reply: AdminCenterDto,
    errors: [...auth, ...input, 'unknown_timezone'],
  }),

  adminServices: route({
    method: 'get',
    path: '/api/admin/services',
    summary: 'Every field (lĩnh vực), archived ones included, with its numbering, targets and former names',
    access: adminRead,
    status: 200,
    reply: z.array(AdminServiceDto),
    errors: auth,
  }),
  adminServiceCreate: route({
    method: 'post',
    path: '/api/admin/services',
    summary: 'Add a field',
    access: adminWrite,
    body: CreateServiceBody,
    status: 201,
    reply: AdminServiceDto,
    errors: [...auth, ...input, 'service_id_taken', 'prefix_collision'],
  }),
  adminServiceUpdate: route({
    method: 'patch',
    path: '/api/admin/services/:id',
    summary:
      'Rename, renumber (prefix, width, start), cap, targets; `stoppedToday: { reason }` stops issuing for the rest of today (null lifts it); `archived: true` hides the field from the kiosk and keeps its history',
    access: adminWrite,
    body: UpdateServiceBody,
    status: 200,
    reply: AdminServiceDto,
    errors: [...auth, ...input, 'unknown_service', 'prefix_collision', 'numbering_in_use', 'service_has_waiting'],
  }),

  adminCounters: route({
    method: 'get',
    path: '/api/admin/counters',
    summary: 'Every counter, disabled ones included',
    access: adminRead,
    status: 200,
    reply: z.array(AdminCounterDto),
    errors: auth,
  }),
  adminCounterCreate: route({
    method: 'post',
    path: '/api/admin/counters',
    summary: 'Add a counter',
    access: adminWrite,
    body: CreateCounterBody,
    status: 201,
    reply: AdminCounterDto,
    errors: [...auth, ...input, 'counter_number_taken', 'unknown_service'],
  }),
  adminCounterUpdate: route({
    method: 'patch',
    path: '/api/admin/counters/:id',
    summary:
      'Rename, renumber, choose its fields and their order, priority flag, enable/disable. A field taken away while the counter serves one of its tickets is allowed: the current ticket stays',
    access: adminWrite,
    body: UpdateCounterBody,
    status: 200,
    reply: AdminCounterDto,
    errors: [...auth, ...input, 'unknown_counter', 'counter_number_taken', 'unknown_service', 'counter_in_use'],
  }),
  adminCounterClose: route({
    method: 'post',
    path: '/api/admin/counters/:id/close',
    summary: 'Close a counter remotely (its officer left without signing out); refused while it serves a ticket',
    access: adminWrite,
    status: 200,
    reply: z.object({ counter: CounterDto }),
    errors: [...auth, 'unknown_counter', 'counter_busy'],
  }),

  adminUsers: route({
    method: 'get',
    path: '/api/admin/users',
    summary: 'Every account, disabled ones included (never a password or its hash)',
    access: adminRead,
    status: 200,
    reply: z.array(AdminUserDto),
    errors: auth,
  }),
  adminUserCreate: route({
    method: 'post',
    path: '/api/admin/users',
    summary: 'Add an account; answers a temporary password, shown once, to change at the first sign-in',
    access: adminWrite,
    body: CreateUserBody,
    status: 201,
    reply: CreatedUserReply,
    errors: [...auth, ...input, 'username_taken', 'unknown_counter'],
  }),
  adminUserUpdate: route({
    method: 'patch',
    path: '/api/admin/users/:id',
    summary: 'Change name, title, role, the counters the account may sign in at; `disabled: true` ends its sessions at once',
    access: adminWrite,
    body: UpdateUserBody,
    status: 200,
    reply: AdminUserDto,
    errors: [...auth, ...input, 'unknown_user', 'unknown_counter', 'last_admin'],
  }),
  adminUserResetPassword: route({
    method: 'post',
    path: '/api/admin/users/:id/reset-password',
    summary: 'Give the account a temporary password (shown once); its sessions end and it must choose a new one at the next sign-in',
    access: adminWrite,
    status: 200,
    reply: TemporaryPasswordReply,
    errors: [...auth, 'unknown_user'],
  }),

  adminAudit: route({
    method: 'get',
    path: '/api/admin/audit',
    summary: 'The change log (Nhật ký thay đổi): who changed which setting, when, the value before and after; newest first, paged with `before`',
    access: adminRead,
    query: AuditQuery,
    status: 200,
    reply: AuditReply,
    errors: [...auth, 'invalid_input'],
  }),

  adminSetupExport: route({
    method: 'get',
    path: '/api/admin/setup/export',
    summary: 'The current setup as a config file (JSON), password hashes included: keep it as safe as the config file',
    access: adminWrite,
    status: 200,
    reply: SetupFile,
    errors: auth,
  }),
  adminSetupImport: route({
    method: 'post',
    path: '/api/admin/setup/import',
    summary:
      'Import a config file: with `dryRun=1` only the list of what would be added, changed or archived; without, applies it all in one transaction (hardware stays as the machine’s file says)',
    access: adminWrite,
    body: SetupFile,
    query: ImportQuery,
    status: 200,
    reply: ImportReply,
    errors: [...auth, ...input, 'invalid_setup', 'prefix_in_use'],
  }),
  pairingStart: route({
    method: 'post',
    path: '/api/pairing',
    summary: 'A kiosk, hall display or rating tablet without a token asks for a 6-digit pairing code to show (valid 10 minutes, renewed while it waits)',
    access: 'anyone (limited per address)',
    body: PairingStartBody,
    status: 201,
    reply: PairingStartReply,
    errors: [...input, 'pairing_busy'],
  }),
  pairingWait: route({
    method: 'post',
    path: '/api/pairing/wait',
    summary: 'The waiting screen asks whether an admin paired it: `waiting` (its code is kept alive) or `paired` with its device token, given once',
    access: 'the screen that asked (its secret)',
    body: PairingWaitBody,
    status: 200,
    reply: PairingWaitReply,
    errors: [...input, 'pairing_expired'],
  }),
  adminDevices: route({
    method: 'get',
    path: '/api/admin/devices',
    summary: 'Kiosks, hall displays and rating tablets (paired and from the config file) with their state, and the screens waiting to be paired',
    access: adminRead,
    status: 200,
    reply: AdminDevicesReply,
    errors: auth,
  }),
  adminDevicePair: route({
    method: 'post',
    path: '/api/admin/devices/pair',
    summary: 'Pair the waiting screen that shows this code: it becomes a device with a fresh token (a rating tablet needs its counter)',
    access: adminWrite,
    body: PairDeviceBody,
    status: 201,
    reply: AdminDeviceDto,
    errors: [...auth, ...input, 'pairing_code_wrong', 'pairing_too_many_codes', 'pairing_counter_required', 'unknown_counter'],
  }),
  adminDeviceRevoke: route({
    method: 'delete',
    path: '/api/admin/devices/:id',
    summary: 'Revoke a device: its token stops working at once, its open screens go back to the pairing screen',
    access: adminWrite,
    status: 204,
    reply: null,
    errors: [...auth, 'unknown_device'],
  }),
  ...voiceRoutes,
  adminHub: route({
    method: 'get',
    path: '/api/admin/hub',
    summary: 'The link to the city hub (address, where it comes from, the key’s last four characters, never the key) and the push state: last push, events not yet pushed, last error',
    access: adminRead,
    status: 200,
    reply: HubLinkDto,
    errors: auth,
  }),
  adminHubUpdate: route({
    method: 'put',
    path: '/api/admin/hub',
    summary: 'Join the city hub: its address and this center’s key (from POST /api/hub/centers at the hub); applied at once, the log is pushed again from the start (the hub stores each event once)',
    access: adminWrite,
    body: UpdateHubLinkBody,
    status: 200,
    reply: HubLinkDto,
    errors: [...auth, ...input, 'hub_from_environment'],
  }),
  adminHubClear: route({
    method: 'delete',
    path: '/api/admin/hub',
    summary: 'Leave the city hub: the address and key are removed, pushing stops at once (the center works alone as before)',
    access: adminWrite,
    status: 200,
    reply: HubLinkDto,
    errors: [...auth, 'hub_from_environment'],
  }),

  appointmentSlots: route({
    method: 'get',
    path: '/api/appointments/slots',
    summary: 'A field’s booking slots on a day, with room left in each (none on holidays, non-working days, or where the field takes no bookings)',
    access: 'anyone',
    query: SlotsQuery,
    status: 200,
    reply: SlotsReply,
    errors: ['invalid_input', 'unknown_service'],
  }),
  appointmentBook: route({
    method: 'post',
    path: '/api/appointments',
    summary:
      'Book a slot: answers the 6-character code, the key its link carries (to cancel or move it), and the .ics link. No name or ID number; a phone number only with `phoneConsent: true`, erased after the retention period',
    access: 'anyone (limited per address, device and phone number), or staff booking for a citizen at the desk',
    body: BookAppointmentBody,
    status: 201,
    reply: BookAppointmentReply,
    errors: [...input, 'unknown_service', 'bookings_off', 'slot_unavailable', 'slot_full', 'booking_day_full', 'booking_limit_phone', 'booking_limit_device', 'rate_limited'],
  }),
  appointmentList: route({
    method: 'get',
    path: '/api/appointments',
    summary: 'A day’s bookings (today by default), of some fields (`serviceIds=a,b`) or all, in slot order: the desk’s and the admin’s lists',
    access: 'staff, manager, admin',
    query: AppointmentListQuery,
    status: 200,
    reply: AppointmentListReply,
    errors: [...auth, 'invalid_input'],
  }),
  appointmentRules: route({
    method: 'get',
    path: '/api/admin/appointments/rules',
    summary: 'The booking rules: center-wide settings (check-in window, phone retention, limits, anti-starvation) and each field’s slots',
    access: adminRead,
    status: 200,
    reply: AppointmentRulesReply,
    errors: auth,
  }),
  appointmentRulesUpdate: route({
    method: 'put',
    path: '/api/admin/appointments/rules',
    summary: 'Change the booking rules. Bookings already made are never cancelled: those the new rules would not allow are listed in `affected`, as a warning',
    access: adminWrite,
    body: UpdateAppointmentRulesBody,
    status: 200,
    reply: UpdateAppointmentRulesReply,
    errors: [...auth, ...input, 'unknown_service'],
  }),
  appointmentGet: route({
    method: 'get',
    path: '/api/appointments/:code',
    summary: 'A booking by its code: field, slot, status, check-in window (never the phone number)',
    access: 'anyone (limited per address)',
    status: 200,
    reply: AppointmentDto,
    errors: ['appointment_not_found', 'rate_limited'],
  }),
  appointmentCalendar: route({
    method: 'get',
    path: '/api/appointments/:code/calendar.ics',
    summary: 'The booking as an iCalendar file (text/calendar) to add to the phone’s calendar',
    access: 'the booking’s link (its key), or staff',
    query: AppointmentKeyQuery,
    status: 200,
    reply: null,
    errors: ['appointment_not_found', 'appointment_key_wrong', 'rate_limited'],
  }),
  appointmentCancel: route({
    method: 'post',
    path: '/api/appointments/:code/cancel',
    summary: 'Cancel a booking (its slot is free again); the phone number is erased at once',
    access: 'the booking’s link (its key), or staff',
    body: AppointmentKeyBody,
    status: 200,
    reply: AppointmentDto,
    errors: [...input, 'appointment_not_found', 'appointment_key_wrong', 'appointment_closed', 'rate_limited'],
  }),
  appointmentMove: route({
    method: 'post',
    path: '/api/appointments/:code/move',
    summary: 'Move a booking to another slot of the same field (same code and key)',
    access: 'the booking’s link (its key), or staff',
    body: MoveAppointmentBody,
    status: 200,
    reply: AppointmentDto,
    errors: [...input, 'appointment_not_found', 'appointment_key_wrong', 'appointment_closed', 'slot_unavailable', 'slot_full', 'booking_day_full', 'rate_limited'],
  }),
  appointmentCheckIn: route({
    method: 'post',
    path: '/api/appointments/:code/check-in',
    summary:
      'Check in at the kiosk: inside the window (from 15 min before the slot to 10 min after, by default) a ticket on channel `appointment`, called at the slot time ahead of walk-ins; after it, a normal ticket (`outcome: late`); before it, 409 `check_in_too_early` with the time it opens',
    access: 'kiosk device, staff',
    status: 200,
    reply: CheckInReply,
    errors: [...auth, 'appointment_not_found', 'appointment_not_today', 'appointment_closed', 'check_in_too_early', 'holiday', 'outside_hours', 'not_working_day', 'stopped_today', 'daily_cap_reached', 'numbers_exhausted'],
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** The JSON body a route takes (what the caller sends). */
export type RouteBody<R extends ApiRoute> = R extends { body: infer B extends ZodType } ? z.input<B> : undefined;
/** The query a route takes. */
export type RouteQuery<R extends ApiRoute> = R extends { query: infer Q extends ZodType } ? z.input<Q> : undefined;
/** What a route answers with on success. */
export type RouteReply<R extends ApiRoute> = R extends { reply: infer P extends ZodType } ? z.output<P> : undefined;
/** `/api/admin/services/:id` → `{ id: string | number }`. */
export type RouteParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string | number } & RouteParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string | number }
    : Record<never, never>;

/** Fills `:name` placeholders of a route path. */
export function routePath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });
}
