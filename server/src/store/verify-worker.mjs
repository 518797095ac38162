// Checks one backup copy off the server's event loop: `PRAGMA integrity_check` reads the whole file (about 0.3 s for
// 65 MB), which would otherwise hold up kiosk taps and calls. Plain JS: it needs nothing of the TypeScript sources.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

let result;
try {
  const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  try {
    result = db.pragma('integrity_check').map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
} catch (e) {
  result = e instanceof Error ? e.message : String(e);
}
parentPort.postMessage(result);
