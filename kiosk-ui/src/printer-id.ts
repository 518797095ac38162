import { readStored, writeStored } from '@qms/ui-kit';

// Which printer serves this kiosk, learnt from the server's reply to the first ticket and remembered
// (when storage is disabled it is learnt again from the next ticket).
const KEY = 'qms.kiosk.printerId';

export const readPrinterId = (): string | null => readStored(KEY);
export const rememberPrinterId = (id: string | null): void => writeStored(KEY, id || null);
