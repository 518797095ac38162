import { z } from 'zod';

/**
 * Devices hanging off the server (printers, LED boards, keypads, rating boxes). Each kind adds its own
 * schema, defined beside its binding in `server/src/devices/`, as one property here.
 */
export const HardwareConfig = z.object({});
export type HardwareConfig = z.infer<typeof HardwareConfig>;
