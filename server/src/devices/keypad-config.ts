import { z } from 'zod';
import { MAX_ADDRESS, MIN_ADDRESS } from '@qms/drivers';

/** One RS-485 (or USB-serial) bus of caller keypads; `sim` runs simulated keypads in memory (demo, tests). */
export const KeypadBusConfig = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_-]{1,32}$/).optional(),
    transport: z.enum(['sim', 'serial']),
    /** e.g. `/dev/ttyUSB0`; required for `serial`. */
    path: z.string().min(1).optional(),
    baudRate: z.number().int().positive().default(9600),
    pollIntervalMs: z.number().int().min(0).max(1000).default(20),
    replyTimeoutMs: z.number().int().min(5).max(2000).default(150),
    pads: z
      .array(z.strictObject({ address: z.number().int().min(MIN_ADDRESS).max(MAX_ADDRESS), counterId: z.number().int().positive() }))
      .min(1),
  })
  .superRefine((b, ctx) => {
    if (b.transport === 'serial' && !b.path) ctx.addIssue({ code: 'custom', path: ['path'], message: 'a serial keypad bus needs a path, e.g. /dev/ttyUSB0' });
    const addresses = b.pads.map((p) => p.address);
    const dup = addresses.find((a, i) => addresses.indexOf(a) !== i);
    if (dup !== undefined) ctx.addIssue({ code: 'custom', path: ['pads'], message: `two keypads share address ${dup} on one bus` });
  });
export type KeypadBusConfig = z.infer<typeof KeypadBusConfig>;

export const KeypadsConfig = z.array(KeypadBusConfig).default([]);

/** The health id of a keypad: `<bus id>/<address>`, the bus id defaulting to `keypads-<n>` by its place in the list. */
export const keypadDeviceId = (bus: KeypadBusConfig, index: number, address: number) => `${bus.id ?? `keypads-${index + 1}`}/${address}`;

/** Health ids of the keypads at a counter (normally one). */
export const keypadIdsAt = (buses: KeypadBusConfig[], counterId: number): string[] =>
  buses.flatMap((b, i) => b.pads.filter((p) => p.counterId === counterId).map((p) => keypadDeviceId(b, i, p.address)));
