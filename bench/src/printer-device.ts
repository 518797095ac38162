import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimPrinter, openSerial } from '@qms/drivers';

// `node --import tsx bench/src/printer-device.ts <pty path>`: a printer at the far end of a serial line, in a process of
// its own as a real one has its own CPU. Says "ready" once its port is open.
const path = process.argv[2];
if (!path) throw new Error('usage: printer-device.ts <serial path>');
const end = await openSerial({ path, baudRate: 115200 });
createSimPrinter({ dir: mkdtempSync(join(tmpdir(), 'qms-bench-device-')), name: 'serial', paperWidth: 80, device: end });
process.stdout.write('ready\n');
