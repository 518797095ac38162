import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open';

/**
 * The voice studio's recorded clips beside each database copy: `qms-…-HHMMSS.sqlite` gets `qms-…-HHMMSS.voice/
 * <packId>/<clip>.wav`, exactly the clips the copy's `voice_clips` rows name, so a restored copy finds its recordings.
 * Files in the database (BLOBs) would have needed a migration and grown every copy and every page the floor reads;
 * a clip is never changed in place (a retake is a new file), so a file equal to the previous copy's is hard-linked,
 * not copied: fourteen days of copies of an unchanged 2 MB pack take 2 MB.
 */
export const voiceFolderOf = (sqliteFile: string) => sqliteFile.replace(/\.sqlite$/, '.voice');

interface ClipRef {
  pack_id: number;
  clip: string;
  bytes: number;
}

const clipPattern = /^[a-z0-9]{1,24}$/;

function clipsIn(db: Pick<Db, 'prepare'>): ClipRef[] {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'voice_clips'`).get();
  if (!table) return [];
  return (db.prepare(`SELECT pack_id, clip, bytes FROM voice_clips ORDER BY pack_id, clip`).all() as ClipRef[]).filter((c) => clipPattern.test(c.clip));
}

const sameBytes = (a: string, b: string) => statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));

/**
 * Writes `<target>/<copy>.voice` (as `.part`, then renamed) from the live `voiceDir` for the clips the verified copy at
 * `copyPath` holds. A clip whose file is already gone is left out (it is missing on the floor too: the studio says so).
 * Answers how many clips it wrote.
 */
export function backupVoiceClips(copyPath: string, voiceDir: string, target: string, copyFile: string): number {
  const copy = new Database(copyPath, { readonly: true, fileMustExist: true });
  let clips: ClipRef[];
  try {
    clips = clipsIn(copy);
  } finally {
    copy.close();
  }
  const folder = join(target, voiceFolderOf(copyFile));
  const part = `${folder}.part`;
  const previous = latestVoiceFolder(target, copyFile);
  rmSync(part, { recursive: true, force: true });
  mkdirSync(part, { recursive: true, mode: 0o700 });
  let written = 0;
  for (const c of clips) {
    const from = join(voiceDir, 'packs', String(c.pack_id), `${c.clip}.wav`);
    if (!existsSync(from)) continue;
    const dir = join(part, String(c.pack_id));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const to = join(dir, `${c.clip}.wav`);
    const before = previous && join(previous, String(c.pack_id), `${c.clip}.wav`);
    if (!(before && existsSync(before) && sameBytes(before, from) && tryLink(before, to))) {
      copyFileSync(from, to);
      chmodSync(to, 0o600); // backups are the owner's only, like the database copies
    }
    written++;
  }
  rmSync(folder, { recursive: true, force: true });
  renameSync(part, folder);
  return written;
}

/** A USB disk or network share may not do hard links: then the clip is copied. */
function tryLink(existing: string, to: string): boolean {
  try {
    linkSync(existing, to);
    return true;
  } catch {
    return false;
  }
}

/** The newest `.voice` folder in `dir` older than `copyFile` (names sort by time). */
function latestVoiceFolder(dir: string, copyFile: string): string | null {
  const mine = voiceFolderOf(copyFile);
  const names = readdirSync(dir).filter((f) => /^qms-.*\.voice$/.test(f) && f < mine).sort();
  return names.length > 0 ? join(dir, names[names.length - 1]!) : null;
}

/**
 * After a restore (or a lost voice folder): every clip the database names whose file is gone is copied back from the
 * newest backup folder holding it at the recorded size. Answers the clips brought back and those still missing.
 */
export function restoreVoiceClips(db: Db, voiceDir: string, backupDirs: readonly string[]): { restored: string[]; missing: string[] } {
  const restored: string[] = [];
  const missing: string[] = [];
  const lost = clipsIn(db).filter((c) => !existsSync(join(voiceDir, 'packs', String(c.pack_id), `${c.clip}.wav`)));
  if (lost.length === 0) return { restored, missing };
  const folders: string[] = [];
  for (const dir of backupDirs) {
    try {
      for (const f of readdirSync(dir)) if (/^qms-.*\.voice$/.test(f)) folders.push(join(dir, f));
    } catch {
      // That target is not there (a USB disk unplugged): the others may hold the clips.
    }
  }
  folders.sort((a, b) => (a.split(/[\\/]/).pop()! < b.split(/[\\/]/).pop()! ? 1 : -1)); // newest first, any target
  for (const c of lost) {
    const name = `${c.pack_id}/${c.clip}.wav`;
    const source = folders.map((f) => join(f, String(c.pack_id), `${c.clip}.wav`)).find((p) => existsSync(p) && statSync(p).size === c.bytes);
    if (!source) {
      missing.push(name);
      continue;
    }
    const dir = join(voiceDir, 'packs', String(c.pack_id));
    mkdirSync(dir, { recursive: true });
    const temp = join(dir, `.${c.clip}.restore.tmp`);
    copyFileSync(source, temp);
    renameSync(temp, join(dir, `${c.clip}.wav`));
    restored.push(name);
  }
  return { restored, missing };
}
