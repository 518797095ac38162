import { randomBytes, randomInt } from 'node:crypto';
import {
  appointmentCodeAlphabet,
  appointmentCodeLength,
  localParts,
  toLocalIso,
  type AppointmentDto,
  type AppointmentOrigin,
  type AppointmentRules,
  type AppointmentSettings,
  type CheckInReply,
  type SlotsReply,
} from '@qms/protocol';
import { QueueError, bookingDayLimit, checkInVerdict, checkInWindow, serviceDayOf, slotsOfDay, type SlotDay } from '../queue';
import { defaultAppointmentRules, type Appointment } from '../store/appointments';
import type { FloorContext, Tx } from './context';
import { issueInTx, type PrintRequest } from './issue';
import { ticketDto } from './views';

const DAY_MS = 86_400_000;

/** A booking to make. `origin` says where it came from: the phone page, the desk, or the city hub over its sync link. */
export interface BookCommand {
  serviceId: string;
  slotStart: number;
  origin: AppointmentOrigin;
  phone: string | null;
  deviceId: string | null;
  /** The officer booking at the desk, if any (desk bookings have no device limit). */
  staffId: number | null;
}

/** Who checks in: a kiosk (printing the ticket) or an officer. */
export interface CheckInBy {
  staffId: number | null;
  print: PrintRequest | null;
}

/** Bookings: slots, booking, cancel and move, check-in, the no-show and erasure sweep, the admin's rules. */
export function createAppointments(ctx: FloorContext) {
  const q = ctx.q.appointments;
  const tz = ctx.timeZone;
  const hhmm = (ms: number) => {
    const p = localParts(ms, tz);
    return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  };
  const dmy = (day: string) => day.split('-').reverse().join('/');

  const settings = (): AppointmentSettings => q.settings();
  const applyRoutingRules = (s: AppointmentSettings) => Object.assign(ctx.rules, { bookedCallsInARow: s.bookedCallsInARow, walkInWaitSeconds: s.walkInWaitMinutes * 60 });
  applyRoutingRules(settings());

  const rulesOf = (serviceId: string): AppointmentRules => q.rules().get(serviceId) ?? defaultAppointmentRules(ctx.config.demo);

  function slotDay(serviceId: string, day: string): { slotDay: SlotDay; limit: number; rules: AppointmentRules } {
    const service = ctx.service(serviceId);
    const rules = rulesOf(serviceId);
    // A field without hours of its own follows the center's weekly hours (see centerCalendar.block).
    const serviceHours = service.hours === ctx.config.defaultHours ? null : service.hours;
    const sd = slotsOfDay({ day, timeZone: tz, center: ctx.calendar.on(day), serviceHours, rules, demo: ctx.config.demo });
    const counters = ctx.q.counters.all().filter((c) => c.serviceIds.includes(serviceId)).length;
    const limit = bookingDayLimit({ slotDay: sd, rules, dailyCap: service.dailyCap, serviceSeconds: service.defaultServiceSeconds, counters, demo: ctx.config.demo });
    return { slotDay: sd, limit, rules };
  }

  function slots(serviceId: string, day: string, now: number): SlotsReply {
    const { slotDay: sd, limit, rules } = slotDay(serviceId, day);
    const taken = q.takenPerSlot(day, serviceId);
    const dayBooked = [...taken.values()].reduce((a, b) => a + b, 0);
    return {
      serviceId,
      date: day,
      slotMinutes: sd.slotMinutes,
      closedReason: sd.closedReason,
      dayLimit: limit,
      dayBooked,
      slots: sd.slots.map((s) => {
        const booked = taken.get(s.start) ?? 0;
        return { start: toLocalIso(s.start, tz), end: toLocalIso(s.end, tz), capacity: rules.perSlot, booked, available: s.start > now && booked < rules.perSlot && dayBooked < limit };
      }),
    };
  }

  /** Checks that `slotStart` is a bookable slot of the field; answers the slot. */
  function bookableSlot(tx: Tx, serviceId: string, slotStart: number, ignoring: Appointment | null) {
    const service = ctx.service(serviceId);
    const day = serviceDayOf(slotStart, tz);
    const { slotDay: sd, limit, rules } = slotDay(serviceId, day);
    if (sd.closedReason === 'bookings_off') throw new QueueError('bookings_off', { service: service.name, serviceEn: service.nameEn });
    const slot = sd.slots.find((s) => s.start === slotStart);
    const words = { service: service.name, serviceEn: service.nameEn, slot: `${hhmm(slotStart)} ${dmy(day)}` };
    if (!slot || slot.start <= tx.now) throw new QueueError('slot_unavailable', words);
    const taken = q.takenPerSlot(day, serviceId);
    const mine = (start: number) => (ignoring && ignoring.serviceDay === day && ignoring.slotStart === start && ignoring.status === 'booked' ? 1 : 0);
    if ((taken.get(slotStart) ?? 0) - mine(slotStart) >= rules.perSlot) throw new QueueError('slot_full', words);
    const dayBooked = [...taken.values()].reduce((a, b) => a + b, 0) - (ignoring && ignoring.serviceDay === day && ignoring.status === 'booked' ? 1 : 0);
    if (dayBooked >= limit) throw new QueueError('booking_day_full', { ...words, date: dmy(day), limit });
    return { slot, day };
  }

  function newCode(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < appointmentCodeLength; i++) code += appointmentCodeAlphabet[randomInt(appointmentCodeAlphabet.length)];
      if (!q.get(code)) return code;
    }
  }

  function dto(a: Appointment, opts: { staff: boolean }): AppointmentDto {
    const service = ctx.services.find((s) => s.id === a.serviceId) ?? ctx.q.setup.service(a.serviceId);
    const w = checkInWindow(a.slotStart, settings());
    const ticket = a.ticketId ? ctx.q.tickets.get(a.ticketId) : null;
    return {
      code: a.code,
      serviceId: a.serviceId,
      serviceName: service?.name ?? a.serviceId,
      serviceNameEn: service?.nameEn ?? a.serviceId,
      date: a.serviceDay,
      slotStart: toLocalIso(a.slotStart, tz),
      slotEnd: toLocalIso(a.slotEnd, tz),
      status: a.status,
      origin: a.origin,
      checkInFrom: toLocalIso(w.from, tz),
      checkInUntil: toLocalIso(w.until, tz),
      createdAt: toLocalIso(a.createdAt, tz),
      hasPhone: a.phone !== null,
      ...(opts.staff ? { phone: a.phone } : {}),
      ticketId: a.ticketId,
      ticketNumber: ticket?.number ?? null,
      checkedInAt: a.checkedInAt === null ? null : toLocalIso(a.checkedInAt, tz),
    };
  }

  // The event rows carry no phone number and no device id: the log is kept for years and pushed to the city hub.
  // The ticket goes in the payload, not the row's ticket id, so the ticket figures (which fold a ticket's rows) stay as they were.
  function changed(tx: Tx, a: Appointment, type: string, staffId: number | null, extra: Record<string, unknown> = {}) {
    tx.log({ type, ticketId: null, counterId: null, staffId, payload: { code: a.code, serviceId: a.serviceId, serviceDay: a.serviceDay, slotStart: a.slotStart, origin: a.origin, ticketId: a.ticketId, ...extra } });
    tx.emit({ type: 'appointments.changed', serviceId: a.serviceId, date: a.serviceDay });
  }

  function find(code: string): Appointment {
    const a = q.get(code);
    if (!a) throw new QueueError('appointment_not_found', { code });
    return a;
  }

  /** The booking's link key, unless staff act on it. */
  function authorise(a: Appointment, key: string | null, staff: boolean) {
    if (!staff && key !== a.linkKey) throw new QueueError('appointment_key_wrong');
  }

  function mustBeOpen(a: Appointment) {
    if (a.status === 'booked') return;
    const words: Record<Exclude<Appointment['status'], 'booked'>, { vi: string; en: string }> = {
      checked_in: { vi: 'đã được xác nhận tại quầy', en: 'has been checked in' },
      cancelled: { vi: 'đã bị hủy', en: 'was cancelled' },
      no_show: { vi: 'đã quá giờ xác nhận', en: 'has passed its check-in time' },
    };
    const w = words[a.status];
    throw new QueueError('appointment_closed', { code: a.code, statusVi: w.vi, statusEn: w.en });
  }

  return {
    settings,
    rulesOf,
    slots,
    dto,

    book(cmd: BookCommand): { appointment: AppointmentDto; key: string } {
      return ctx.run((tx) => {
        const { slot, day } = bookableSlot(tx, cmd.serviceId, cmd.slotStart, null);
        const s = settings();
        if (cmd.phone && q.phoneCount(day, cmd.phone) >= s.perPhonePerDay) throw new QueueError('booking_limit_phone', { limit: s.perPhonePerDay, date: dmy(day) });
        if (cmd.deviceId && cmd.staffId === null && q.deviceCount(tx.day, cmd.deviceId) >= s.perDevicePerDay) {
          throw new QueueError('booking_limit_device', { limit: s.perDevicePerDay });
        }
        const a: Appointment = {
          code: newCode(),
          linkKey: randomBytes(12).toString('base64url'),
          serviceId: cmd.serviceId,
          serviceDay: day,
          slotStart: slot.start,
          slotEnd: slot.end,
          status: 'booked',
          origin: cmd.origin,
          phone: cmd.phone,
          deviceId: cmd.deviceId,
          eraseAfter: slot.end + s.phoneRetentionDays * DAY_MS,
          erasedAt: null,
          createdAt: tx.now,
          createdDay: tx.day,
          staffId: cmd.staffId,
          ticketId: null,
          checkedInAt: null,
          closedAt: null,
        };
        q.insert(a);
        changed(tx, a, 'appointment.booked', cmd.staffId, { withPhone: a.phone !== null });
        return { appointment: dto(a, { staff: false }), key: a.linkKey };
      }, { label: 'appointment-book' });
    },

    get: (code: string, staff: boolean) => dto(find(code), { staff }),

    /** The booking for its `.ics` file (the key is checked). */
    forCalendar(code: string, key: string | null, staff: boolean) {
      const a = find(code);
      authorise(a, key, staff);
      return { appointment: dto(a, { staff: false }), slotStart: a.slotStart, slotEnd: a.slotEnd };
    },

    cancel(code: string, key: string | null, staffId: number | null): AppointmentDto {
      return ctx.run((tx) => {
        const a = find(code);
        authorise(a, key, staffId !== null);
        mustBeOpen(a);
        // Nothing is left to use the number for: it goes at once.
        const next: Appointment = { ...a, status: 'cancelled', closedAt: tx.now, phone: null };
        q.update(next);
        changed(tx, next, 'appointment.cancelled', staffId, { by: staffId === null ? 'citizen' : 'staff' });
        return dto(next, { staff: staffId !== null });
      }, { label: 'appointment-cancel' });
    },

    move(code: string, slotStart: number, key: string | null, staffId: number | null): AppointmentDto {
      return ctx.run((tx) => {
        const a = find(code);
        authorise(a, key, staffId !== null);
        mustBeOpen(a);
        const { slot, day } = bookableSlot(tx, a.serviceId, slotStart, a);
        const next: Appointment = { ...a, serviceDay: day, slotStart: slot.start, slotEnd: slot.end, eraseAfter: slot.end + settings().phoneRetentionDays * DAY_MS };
        q.update(next);
        changed(tx, next, 'appointment.moved', staffId, { from: a.slotStart });
        if (a.serviceDay !== day) tx.emit({ type: 'appointments.changed', serviceId: a.serviceId, date: a.serviceDay });
        return dto(next, { staff: staffId !== null });
      }, { label: 'appointment-move' });
    },

    checkIn(code: string, by: CheckInBy): CheckInReply {
      return ctx.run((tx) => {
        const a = find(code);
        if (a.status === 'cancelled') mustBeOpen(a);
        if (a.status === 'checked_in' && a.ticketId) {
          // A second scan of the same code: the same ticket, no second one.
          const t = ctx.q.tickets.get(a.ticketId);
          if (t) {
            const ticket = { ...ticketDto(t, tz), dossierCode: null, waitingAhead: 0, estimatedWaitSeconds: 0 };
            return { outcome: 'on_time', appointment: dto(a, { staff: false }), ticket, message: onTimeWords(a, ticket.number, true) };
          }
        }
        if (a.serviceDay !== tx.day) throw new QueueError('appointment_not_today', { code: a.code, date: dmy(a.serviceDay) });
        const s = settings();
        const verdict = a.status === 'no_show' ? 'late' : checkInVerdict(tx.now, a.slotStart, s);
        if (verdict === 'early') {
          throw new QueueError('check_in_too_early', { slot: hhmm(a.slotStart), opens: hhmm(checkInWindow(a.slotStart, s).from) });
        }
        if (verdict === 'late') {
          const ticket = issueInTx(ctx, tx, { serviceId: a.serviceId, channel: by.staffId === null ? 'kiosk' : 'desk', staffId: by.staffId, print: by.print });
          const next: Appointment = { ...a, status: 'no_show', closedAt: a.closedAt ?? tx.now, ticketId: ticket.id };
          q.update(next);
          changed(tx, next, 'appointment.late', by.staffId, { ticketNumber: ticket.number });
          return {
            outcome: 'late',
            appointment: dto(next, { staff: false }),
            ticket,
            message: {
              vi: `Ông/bà đến muộn quá ${s.checkInAfterMinutes} phút so với lịch hẹn lúc ${hhmm(a.slotStart)}, nên lịch hẹn không còn được giữ chỗ. Ông/bà được cấp số thường ${ticket.number} và sẽ được gọi theo thứ tự như người đến trực tiếp.`,
              en: `You are more than ${s.checkInAfterMinutes} min late for your ${hhmm(a.slotStart)} booking, so its place is no longer held. You have a normal ticket, ${ticket.number}, and will be called in turn with walk-ins.`,
            },
          };
        }
        const ticket = issueInTx(ctx, tx, { serviceId: a.serviceId, channel: 'appointment', staffId: by.staffId, print: by.print, appointmentAt: a.slotStart });
        const next: Appointment = { ...a, status: 'checked_in', checkedInAt: tx.now, ticketId: ticket.id };
        q.update(next);
        changed(tx, next, 'appointment.checked_in', by.staffId, { ticketNumber: ticket.number, minutesBeforeSlot: Math.round((a.slotStart - tx.now) / 60_000) });
        return { outcome: 'on_time', appointment: dto(next, { staff: false }), ticket, message: onTimeWords(a, ticket.number, false) };
      }, { label: 'appointment-check-in' });
    },

    /**
     * Bookings with no check-in by the end of their window become `no_show` (their capacity is free for walk-ins);
     * phone numbers and device ids past their retention are erased. Answers whether anything was erased.
     */
    sweep(): { noShows: number; erased: number } {
      const s = settings();
      return ctx.run((tx) => {
        const late = q.overdue(tx.now - s.checkInAfterMinutes * 60_000 - 1);
        for (const a of late) {
          const next: Appointment = { ...a, status: 'no_show', closedAt: tx.now };
          q.update(next);
          changed(tx, next, 'appointment.no_show', null);
        }
        const expired = q.toErase(tx.now);
        for (const a of expired) q.update({ ...a, phone: null, deviceId: null, erasedAt: tx.now });
        if (expired.length > 0) tx.log({ type: 'appointment.erased', ticketId: null, counterId: null, staffId: null, payload: { bookings: expired.length } });
        return { noShows: late.length, erased: expired.length };
      }, { label: 'appointment-sweep' });
    },

    /** A day's bookings, of some fields or all (staff lists). */
    list(day: string, serviceIds: string[] | null): AppointmentDto[] {
      return q.ofDay(day).filter((a) => !serviceIds || serviceIds.includes(a.serviceId)).map((a) => dto(a, { staff: true }));
    },

    rulesView() {
      const stored = q.rules();
      return { settings: settings(), services: ctx.services.map((svc) => ({ serviceId: svc.id, rules: stored.get(svc.id) ?? defaultAppointmentRules(ctx.config.demo) })) };
    },

    /** Saves new rules; bookings already made stay, those the new rules would not offer are answered as a warning. */
    updateRules(change: { settings?: Partial<AppointmentSettings> | undefined; services?: { serviceId: string; rules: AppointmentRules }[] | undefined }, staffId: number) {
      const affected: Appointment[] = [];
      ctx.run((tx) => {
        if (change.settings) {
          const before = settings();
          const after = { ...before, ...change.settings };
          q.saveSettings(after);
          applyRoutingRules(after);
          tx.log({ type: 'setup.appointments.updated', ticketId: null, counterId: null, staffId, payload: { entity: 'appointments', id: 'settings', before, after } });
        }
        for (const { serviceId, rules } of change.services ?? []) {
          ctx.service(serviceId);
          const before = rulesOf(serviceId);
          q.saveRules(serviceId, rules);
          tx.log({ type: 'setup.appointments.updated', ticketId: null, counterId: null, staffId, payload: { entity: 'appointments', id: serviceId, before, after: rules } });
          const open = q.openFrom(tx.day, serviceId);
          const days = new Map<string, Set<number>>();
          for (const a of open) {
            if (!days.has(a.serviceDay)) days.set(a.serviceDay, new Set(slotDay(serviceId, a.serviceDay).slotDay.slots.map((x) => x.start)));
            if (!days.get(a.serviceDay)!.has(a.slotStart)) affected.push(a);
          }
          tx.emit({ type: 'appointments.changed', serviceId, date: tx.day });
        }
      }, { label: 'appointment-rules' });
      return { ...this.rulesView(), affected: affected.map((a) => dto(a, { staff: true })) };
    },
  };

  function onTimeWords(a: Appointment, number: string, again: boolean) {
    const slot = hhmm(a.slotStart);
    return {
      vi: `${again ? 'Lịch hẹn này đã được xác nhận. ' : 'Đã xác nhận lịch hẹn. '}Số của ông/bà là ${number}. Ông/bà sẽ được gọi vào khoảng ${slot}, trước người không đặt lịch; xin mời ngồi chờ và theo dõi màn hình.`,
      en: `${again ? 'This booking is already checked in. ' : 'Booking confirmed. '}Your number is ${number}. You will be called at about ${slot}, ahead of walk-ins; please take a seat and watch the screen.`,
    };
  }
}
export type Appointments = ReturnType<typeof createAppointments>;
