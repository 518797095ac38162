import { z } from 'zod';

/** Screens that pair themselves with a code shown on them (the admin enters it under Thiết bị). */
export const PairingKind = z.enum(['kiosk', 'display', 'rating']);
export type PairingKind = z.infer<typeof PairingKind>;

export const PairingCode = z.string().trim().regex(/^\d{6}$/, 'a pairing code is 6 digits');

/** A screen without a token asks for a code; a rating tablet may say which counter its address names. */
export const PairingStartBody = z.strictObject({
  kind: PairingKind,
  counterId: z.number().int().positive().nullable().optional(),
});

export const PairingStartReply = z.object({
  id: z.string(),
  code: z.string(),
  /** Kept by the screen to wait with: only it can pick up the token. */
  secret: z.string(),
  expiresAt: z.number(),
  center: z.object({ name: z.string(), nameEn: z.string().nullable() }),
});
export type PairingStartReply = z.infer<typeof PairingStartReply>;

export const PairingWaitBody = z.strictObject({ id: z.string().min(1).max(100), secret: z.string().min(1).max(200) });

export const PairedDevice = z.object({
  id: z.string(),
  kind: PairingKind,
  counterId: z.number().nullable(),
  /** A hall display's counters (null: every counter). */
  counterIds: z.array(z.number()).nullable(),
});
export type PairedDevice = z.infer<typeof PairedDevice>;

/** Still waiting (the code's time is renewed), or paired: the token, given once. */
export const PairingWaitReply = z.discriminatedUnion('status', [
  z.object({ status: z.literal('waiting'), code: z.string(), expiresAt: z.number() }),
  z.object({ status: z.literal('paired'), token: z.string(), device: PairedDevice }),
]);
export type PairingWaitReply = z.infer<typeof PairingWaitReply>;

export const WaitingDeviceDto = z.object({
  id: z.string(),
  code: z.string(),
  kind: PairingKind,
  /** The counter the screen's address named (a rating tablet's `?counter=`), a suggestion for the admin. */
  counterId: z.number().nullable(),
  address: z.string(),
  userAgent: z.string(),
  since: z.string(),
  expiresAt: z.string(),
});
export type WaitingDeviceDto = z.infer<typeof WaitingDeviceDto>;

export const AdminDeviceDto = z.object({
  id: z.string(),
  kind: PairingKind,
  counterId: z.number().nullable(),
  counterIds: z.array(z.number()).nullable(),
  /** `config`: its token was written in the config file; `paired`: it was paired here with a code. */
  source: z.enum(['config', 'paired']),
  connected: z.boolean(),
  pairedAt: z.string().nullable(),
  lastSeen: z.string().nullable(),
});
export type AdminDeviceDto = z.infer<typeof AdminDeviceDto>;

export const AdminDevicesReply = z.object({ devices: z.array(AdminDeviceDto), waiting: z.array(WaitingDeviceDto) });
export type AdminDevicesReply = z.infer<typeof AdminDevicesReply>;

/** Approve a waiting screen by the code it shows (or picked from the list); a rating tablet needs its counter. */
export const PairDeviceBody = z.strictObject({
  code: PairingCode,
  counterId: z.number().int().positive().nullable().optional(),
  /** A hall display for some counters only; none or null: every counter. */
  counterIds: z.array(z.number().int().positive()).max(200).nullable().optional(),
});
export type PairDeviceBody = z.infer<typeof PairDeviceBody>;
