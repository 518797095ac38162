// Which printer serves this kiosk, learnt from the server's reply to the first ticket and remembered.
const KEY = 'qms.kiosk.printerId';

export function readPrinterId(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberPrinterId(id: string | null): void {
  try {
    if (id) globalThis.localStorage?.setItem(KEY, id);
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    /* storage disabled: it is learnt again from the next ticket */
  }
}
