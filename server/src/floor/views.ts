import { toLocalIso, type CallDto, type CounterDto, type ServiceDto, type TicketDto } from '@qms/protocol';
import { estimateWaitSeconds, issuingBlock, type IssuingCheck, type QueueError, type Ticket } from '../queue';
import type { CounterState } from '../store/counters';
import type { StoredService } from '../store/services';

export function ticketDto(t: Ticket, timeZone: string): TicketDto {
  const iso = (ms: number | null) => (ms === null ? null : toLocalIso(ms, timeZone));
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    serviceDay: t.serviceDay,
    status: t.status,
    priority: t.priority,
    channel: t.channel,
    counterId: t.counterId,
    targetCounterId: t.targetCounterId,
    issuedAt: toLocalIso(t.issuedAt, timeZone),
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
    callCount: t.callCount,
    dossierCode: t.dossierCode,
    printed: t.printed,
    ...(t.appointmentAt != null ? { appointmentAt: toLocalIso(t.appointmentAt, timeZone) } : {}),
  };
}

export function counterDto(c: CounterState, staff: CounterDto['staff'], current: Ticket | null, timeZone: string): CounterDto {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    serviceIds: c.serviceIds,
    priority: c.priority,
    status: c.status,
    staff,
    currentTicket: current ? ticketDto(current, timeZone) : null,
  };
}

export function callDto(t: Ticket, counter: CounterState, recall: boolean, at: number, timeZone: string): CallDto {
  return { ticket: ticketDto(t, timeZone), counterId: counter.id, counterNumber: counter.number, recall, at: toLocalIso(at, timeZone) };
}

export interface ServiceViewInput {
  services: StoredService[];
  counters: CounterState[];
  waiting: Map<string, { total: number; priority: number }>;
  now: number;
  timeZone: string;
  demo: boolean;
  issuedToday: (serviceId: string) => number;
  recentServiceSeconds: (serviceId: string) => number[];
  /** The issuing check with the center's calendar; the service's own hours alone when absent. */
  block?: (check: IssuingCheck) => QueueError | null;
}

export function serviceDtos(v: ServiceViewInput): ServiceDto[] {
  return v.services.map((s) => {
    const waiting = v.waiting.get(s.id)?.total ?? 0;
    const openCounters = v.counters.filter((c) => c.status === 'open' && c.serviceIds.includes(s.id)).length;
    const block = (v.block ?? issuingBlock)({ service: s, now: v.now, timeZone: v.timeZone, issuedToday: v.issuedToday(s.id), demo: v.demo });
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      prefix: s.prefix,
      width: s.width,
      dailyCap: v.demo ? null : s.dailyCap,
      waiting,
      estimatedWaitSeconds: estimateWaitSeconds({
        ahead: waiting,
        recentServiceSeconds: v.recentServiceSeconds(s.id),
        defaultServiceSeconds: s.defaultServiceSeconds,
        openCounters,
      }),
      issuingNow: block === null,
      closedReason: block?.code ?? null,
      holiday: block?.code === 'holiday' ? { name: String(block.params.holiday), nameEn: String(block.params.holidayEn) } : null,
      stoppedReason: block?.code === 'stopped_today' ? String(block.params.reason ?? '') : null,
    };
  });
}
