import type { TicketContent } from '@qms/drivers';
import type { CenterConfig } from '../config/schema';
import type { Ticket } from '../queue';
import type { TicketLayoutConfig } from './printer-config';

const priorityWords: Record<string, string> = { elderly: 'Người cao tuổi', pregnant: 'Phụ nữ mang thai', disability: 'Người khuyết tật' };
const weekdays = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

// Making a formatter costs far more than using one (a fraction of a millisecond per ticket): one per time zone.
const formats = new Map<string, Intl.DateTimeFormat>();
const formatIn = (timeZone: string) => {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' })));
  return f;
};

let last = { minute: NaN, timeZone: '', text: '' };

/** "08:05 — Thứ Hai, 23/11/2026" in the center's time zone. */
export function ticketTime(ms: number, timeZone: string): string {
  const minute = Math.floor(ms / 60_000);
  if (minute === last.minute && timeZone === last.timeZone) return last.text; // the tickets of one minute, formatted once
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '');
  last = { minute, timeZone, text: `${parts.hour}:${parts.minute} — ${weekdays[day] ?? ''}, ${parts.day}/${parts.month}/${parts.year}` };
  return last.text;
}

export interface TicketFacts {
  ticket: Ticket;
  serviceName: string;
  /** Numbers of the counters that may call it. */
  counterNumbers: number[];
  ahead: number | null;
  url: string | null;
}

/** The words on the paper, in Vietnamese, from the ticket and the printer's layout. */
export function ticketContent(config: CenterConfig, layout: TicketLayoutConfig, f: TicketFacts): TicketContent {
  const footer = layout.footer ?? [config.center.hotline ? `Đường dây nóng: ${config.center.hotline}` : '', 'Cảm ơn quý khách!'];
  const priority = f.ticket.priority;
  return {
    header: layout.header ?? config.center.name,
    title: layout.title,
    number: f.ticket.number,
    // A booking's ticket carries its mark on the same bold line: "LỊCH HẸN — 09:00" (the slot time).
    priority: priority ? `ƯU TIÊN — ${priorityWords[priority] ?? priority}` : f.ticket.appointmentAt != null ? `LỊCH HẸN — ${ticketTime(f.ticket.appointmentAt, config.timezone).slice(0, 5)}` : null,
    serviceName: f.serviceName,
    counters: f.counterNumbers.length ? `Quầy phục vụ: ${f.counterNumbers.join(', ')}` : null,
    ahead: f.ahead === null ? null : `Số người chờ trước bạn: ${f.ahead}`,
    issuedAt: ticketTime(f.ticket.issuedAt, config.timezone),
    qrUrl: layout.qr ? f.url : null,
    qrCaption: layout.qrCaption,
    footer: footer.filter((l) => l.trim()),
  };
}
