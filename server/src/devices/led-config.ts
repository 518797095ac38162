import { z } from 'zod';
import { LED_MAX_ADDRESS, LED_MIN_ADDRESS, defaultLedProfile } from '@qms/drivers';

const byte = z.number().int().min(0).max(255);

/** The frame format of a bus's boards (docs/hardware/led.md); each field defaults to the common one. */
export const LedProfileConfig = z.strictObject({
  stx: byte.default(defaultLedProfile.stx),
  etx: byte.default(defaultLedProfile.etx),
  address: z.enum(['binary', 'ascii']).default(defaultLedProfile.address),
  checksum: z.enum(['xor', 'sum', 'none']).default(defaultLedProfile.checksum),
  digits: z.number().int().min(1).max(16).default(defaultLedProfile.digits),
  align: z.enum(['right', 'left']).default(defaultLedProfile.align),
  ack: z.boolean().default(defaultLedProfile.ack),
});

/** One RS-485 bus of LED counter boards; `sim` runs simulated boards in memory (demo, tests). */
export const LedBusConfig = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_-]{1,32}$/).optional(),
    transport: z.enum(['sim', 'serial']),
    /** e.g. `/dev/ttyUSB1`; required for `serial`. */
    path: z.string().min(1).optional(),
    baudRate: z.number().int().positive().default(9600),
    profile: LedProfileConfig.default(LedProfileConfig.parse({})),
    /** Brightness 0–15 sent to every board at start; null leaves the boards as they are. */
    brightness: z.number().int().min(0).max(15).nullable().default(null),
    /** Every this often the boards are sent their number again: those that did not answer (two-way), or all (one-way). */
    refreshSeconds: z.number().min(1).max(3600).default(15),
    boards: z.array(z.strictObject({ address: z.number().int().min(LED_MIN_ADDRESS).max(LED_MAX_ADDRESS), counterId: z.number().int().positive() })).min(1),
  })
  .superRefine((b, ctx) => {
    if (b.transport === 'serial' && !b.path) ctx.addIssue({ code: 'custom', path: ['path'], message: 'a serial LED bus needs a path, e.g. /dev/ttyUSB1' });
    if (b.profile.address === 'ascii' && b.boards.some((x) => x.address > 99)) ctx.addIssue({ code: 'custom', path: ['boards'], message: 'ASCII addresses go up to 99' });
    const addresses = b.boards.map((x) => x.address);
    const dup = addresses.find((a, i) => addresses.indexOf(a) !== i);
    if (dup !== undefined) ctx.addIssue({ code: 'custom', path: ['boards'], message: `two LED boards share address ${dup} on one bus` });
  });
export type LedBusConfig = z.infer<typeof LedBusConfig>;

/** A bus's id: its own, else `led-1`, `led-2`… by its place in the list. */
export const ledBusId = (bus: { id?: string }, index: number) => bus.id ?? `led-${index + 1}`;

/** The boards the hardware file names, by bus id (what the database is seeded with). */
export const ledBoardsOfFile = (buses: LedBusConfig[] | undefined) =>
  (buses ?? []).flatMap((b, i) => b.boards.map((x) => ({ counterId: x.counterId, bus: ledBusId(b, i), address: x.address })));

/** Optional, so configs and tests written before LED boards existed still type-check. */
export const LedBoardsConfig = z.array(LedBusConfig).optional();
