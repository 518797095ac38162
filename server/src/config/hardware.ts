import { z } from 'zod';
import { KeypadsConfig } from '../devices/keypad-config';
import { LedBoardsConfig } from '../devices/led-config';
import { PrintersConfig } from '../devices/printer-config';
import { RatingBoxesConfig } from '../devices/rating-box-config';

/**
 * Devices hanging off the server (printers, LED boards, keypads, rating boxes). Each kind adds its own
 * schema, defined beside its binding in `server/src/devices/`, as one property here.
 */
export const HardwareConfig = z.strictObject({
  keypads: KeypadsConfig,
  printers: PrintersConfig,
  ratingBoxes: RatingBoxesConfig,
  ledBoards: LedBoardsConfig,
});
export type HardwareConfig = z.infer<typeof HardwareConfig>;
