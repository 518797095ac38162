import type { DisplaySettings } from './display';

// Kept apart from the zod schemas so a screen can import the defaults without bundling zod.
export const DEFAULT_ANNOUNCEMENT = 'Xin mời công dân có số thứ tự {number} đến quầy số {counter}';

export const defaultDisplaySettings: DisplaySettings = {
  notice: '',
  template: DEFAULT_ANNOUNCEMENT,
  repeat: 2,
  reading: 'whole',
  thousandWord: 'nghìn',
  zeroTensWord: 'linh',
  sound: true,
};
