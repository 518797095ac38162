import type { AppointmentDto } from '@qms/protocol';

/** RFC 5545 text: backslash, semicolon and comma escaped, new lines as `\n`. */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Lines longer than 75 octets are folded (a CRLF and a space), without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > 75) {
      out.push(cur);
      cur = ' ';
      bytes = 1;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n');
}

/** The booking as an iCalendar event, with a reminder an hour before; no personal data in it. */
export function appointmentIcs(o: { appointment: AppointmentDto; slotStart: number; slotEnd: number; centerName: string; now: number }): string {
  const a = o.appointment;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//qms-hcc//appointments//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${a.code}-${o.slotStart}@qms-hcc`,
    `DTSTAMP:${utc(o.now)}`,
    `DTSTART:${utc(o.slotStart)}`,
    `DTEND:${utc(o.slotEnd)}`,
    `SUMMARY:${text(`Lịch hẹn ${a.serviceName} – mã ${a.code}`)}`,
    `LOCATION:${text(o.centerName)}`,
    `DESCRIPTION:${text(`Mã đặt lịch: ${a.code}. Đến trung tâm, bấm "Tôi đã đặt lịch" trên máy lấy số và quét mã QR hoặc nhập mã để nhận số thứ tự (từ ${a.checkInFrom.slice(11, 16)} đến ${a.checkInUntil.slice(11, 16)}).\nBooking code: ${a.code}. At the center, press "Tôi đã đặt lịch" on the ticket kiosk and scan the QR code or type the code to get your number.`)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT1H',
    `DESCRIPTION:${text(`Lịch hẹn ${a.serviceName} lúc ${a.slotStart.slice(11, 16)}`)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
