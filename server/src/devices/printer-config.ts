import { z } from 'zod';

/** What is printed besides the ticket's own data; every part has a Vietnamese default. */
export const TicketLayoutConfig = z.strictObject({
  /** Top line; the center's name when absent. */
  header: z.string().min(1).max(200).optional(),
  title: z.string().min(1).max(40).default('SỐ THỨ TỰ'),
  qr: z.boolean().default(true),
  qrCaption: z.string().max(120).default('Quét mã QR để theo dõi lượt gọi và đánh giá'),
  /** Lines at the bottom; "Đường dây nóng: <hotline>" and a thank-you when absent. */
  footer: z.array(z.string().max(120)).max(6).optional(),
  /** Height of the big number in dots; a sensible size per paper width when absent. */
  numberSize: z.number().int().min(48).max(240).optional(),
});
export type TicketLayoutConfig = z.infer<typeof TicketLayoutConfig>;

/**
 * One ESC/POS ticket printer. `sim` writes each ticket as `.bin` under `QMS_DATA_DIR/printer/` (its `.png` on demand);
 * `serial` is a COM port (`path`, `baudRate`); `tcp` a network printer (`host`, port 9100); `usb` the Linux
 * usblp device file (`path`, e.g. `/dev/usb/lp0`).
 */
export const PrinterConfig = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'lowercase letters, digits, - or _'),
    transport: z.enum(['sim', 'serial', 'tcp', 'usb']),
    path: z.string().min(1).optional(),
    baudRate: z.number().int().positive().default(115200),
    host: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).default(9100),
    paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
    /** The kiosk device (its `devices[].id`) whose tickets this printer prints; null: every kiosk without its own printer. */
    kioskId: z.string().min(1).nullable().default(null),
    /** Counters whose officers print desk-issued tickets here (`print: true`); desk tickets go to the first printer otherwise. */
    counterIds: z.array(z.number().int().positive()).default([]),
    centering: z.enum(['command', 'pad']).default('command'),
    cut: z.enum(['full', 'partial']).default('full'),
    /** Rows per GS v 0 band; lower it for printers with a small receive buffer. */
    bandRows: z.number().int().min(8).max(255).default(32),
    /** How often the state (paper, cover) is read when idle, on links that can answer. */
    statusIntervalSeconds: z.number().int().min(2).max(3600).default(20),
    /** `auto`: ask DLE EOT where the link can answer; `off`: never ask (printer wired send-only, or one that ignores DLE EOT), print blind. */
    statusQuery: z.enum(['auto', 'off']).default('auto'),
    layout: TicketLayoutConfig.prefault({}),
  })
  .superRefine((p, ctx) => {
    if ((p.transport === 'serial' || p.transport === 'usb') && !p.path)
      ctx.addIssue({ code: 'custom', path: ['path'], message: `a ${p.transport} printer needs a path, e.g. ${p.transport === 'usb' ? '/dev/usb/lp0' : '/dev/ttyUSB0'}` });
    if (p.transport === 'tcp' && !p.host) ctx.addIssue({ code: 'custom', path: ['host'], message: 'a network printer needs a host (its IP address)' });
  });
export type PrinterConfig = z.infer<typeof PrinterConfig>;

export const PrintersConfig = z
  .array(PrinterConfig)
  .superRefine((list, ctx) => {
    const ids = list.map((p) => p.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `two printers share the id ${dup}` });
    const kiosks = list.flatMap((p) => (p.kioskId ? [p.kioskId] : []));
    const twice = kiosks.find((k, i) => kiosks.indexOf(k) !== i);
    if (twice) ctx.addIssue({ code: 'custom', message: `kiosk ${twice} has two printers; give each kiosk one` });
  })
  // Optional so configs written before printers existed (and other device kinds' tests) stay valid.
  .optional();
