import { describe, expect, it } from 'vitest';
import type { CenterConfig } from '../config/schema';
import { loadConfig, demoConfigPath } from '../config/load';
import { issuedTicket, type Ticket } from '../queue';
import { PrinterConfig } from './printer-config';
import { ticketContent, ticketTime } from './printer-ticket';

const config: CenterConfig = loadConfig(demoConfigPath);
const layout = PrinterConfig.parse({ id: 'p', transport: 'sim' }).layout;
const at = (local: string) => Date.parse(`${local}+07:00`);

function ticket(over: Partial<Ticket> = {}): Ticket {
  return issuedTicket({ id: 't1', serviceDay: '2026-03-16', serviceId: 'dat-dai', seq: 7, number: '3007', priority: null, channel: 'kiosk', queuedAt: at('2026-03-16T08:50:00'), ...over });
}
const facts = (t: Ticket) => ({ ticket: t, serviceName: 'Đất đai', counterNumbers: [4], ahead: 0, url: null });

describe('the paper ticket of a booking', () => {
  it('carries the mark "LỊCH HẸN — 09:00" on the bold line a priority ticket uses; a walk-in ticket has none', () => {
    expect(ticketContent(config, layout, facts(ticket({ channel: 'appointment', appointmentAt: at('2026-03-16T09:00:00') }))).priority).toBe('LỊCH HẸN — 09:00');
    expect(ticketContent(config, layout, facts(ticket())).priority).toBeNull();
    expect(ticketContent(config, layout, facts(ticket({ priority: 'elderly' }))).priority).toBe('ƯU TIÊN — Người cao tuổi');
  });
});

describe('the time on the paper', () => {
  it('is the minute of issue in the center\'s time zone, whatever was printed just before', () => {
    expect(ticketTime(at('2026-03-16T08:05:10'), 'Asia/Ho_Chi_Minh')).toBe('08:05 — Thứ Hai, 16/03/2026');
    expect(ticketTime(at('2026-03-16T08:05:50'), 'Asia/Ho_Chi_Minh')).toBe('08:05 — Thứ Hai, 16/03/2026');
    expect(ticketTime(at('2026-03-16T08:05:50'), 'Asia/Tokyo')).toBe('10:05 — Thứ Hai, 16/03/2026');
    expect(ticketTime(at('2026-03-16T08:06:00'), 'Asia/Ho_Chi_Minh')).toBe('08:06 — Thứ Hai, 16/03/2026');
    expect(ticketTime(at('2026-03-15T23:59:59'), 'Asia/Ho_Chi_Minh')).toBe('23:59 — Chủ Nhật, 15/03/2026');
  });
});
