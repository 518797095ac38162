import type { VoiceClipDto, VoicePackDto } from '@qms/protocol';
import type { Db } from './open';

interface PackRow {
  id: number;
  name: string;
  created_at: string;
  activated_at: string | null;
}
interface ClipRow {
  pack_id: number;
  clip: string;
  lufs: number;
  peak_db: number;
  input_lufs: number;
  seconds: number;
  bytes: number;
  recorded_at: string;
}

export interface ClipRecord extends Omit<VoiceClipDto, 'recordedAt' | 'missing'> {
  packId: number;
  recordedAt: string;
  recordedBy: number | null;
}

/**
 * The voice studio's packs, their clips' figures and the active pack (migration 017). `hasFile` tells whether a
 * clip's file is there, so a clip whose file is lost is listed as missing, not as recorded.
 */
export function voicePackQueries(db: Db, hasFile: (packId: number, clip: string) => boolean = () => true) {
  const packs = db.prepare<[], PackRow>(`SELECT id, name, created_at, activated_at FROM voice_packs ORDER BY id`);
  const pack = db.prepare<[number], PackRow>(`SELECT id, name, created_at, activated_at FROM voice_packs WHERE id = ?`);
  const clips = db.prepare<[], ClipRow>(`SELECT * FROM voice_clips ORDER BY pack_id, clip`);
  const clipsOf = db.prepare<[number], ClipRow>(`SELECT * FROM voice_clips WHERE pack_id = ? ORDER BY clip`);
  const active = db.prepare<[], { pack_id: number | null }>(`SELECT pack_id FROM voice_active WHERE id = 1`);
  const insertPack = db.prepare(`INSERT INTO voice_packs (name, created_at, created_by) VALUES (?, ?, ?)`);
  const putClip = db.prepare(
    `INSERT INTO voice_clips (pack_id, clip, lufs, peak_db, input_lufs, seconds, bytes, recorded_at, recorded_by)
     VALUES (@packId, @clip, @lufs, @peakDb, @inputLufs, @seconds, @bytes, @recordedAt, @recordedBy)
     ON CONFLICT (pack_id, clip) DO UPDATE SET lufs = excluded.lufs, peak_db = excluded.peak_db, input_lufs = excluded.input_lufs,
       seconds = excluded.seconds, bytes = excluded.bytes, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
  );
  const deleteClip = db.prepare(`DELETE FROM voice_clips WHERE pack_id = ? AND clip = ?`);
  const setActive = db.prepare(`UPDATE voice_active SET pack_id = ?, changed_at = ? WHERE id = 1`);
  const stampActivated = db.prepare(`UPDATE voice_packs SET activated_at = ? WHERE id = ?`);

  const clipDto = (r: ClipRow): VoiceClipDto => ({
    clip: r.clip,
    lufs: r.lufs,
    peakDb: r.peak_db,
    inputLufs: r.input_lufs,
    seconds: r.seconds,
    bytes: r.bytes,
    recordedAt: r.recorded_at,
    missing: !hasFile(r.pack_id, r.clip),
  });
  const activeId = () => active.get()?.pack_id ?? null;
  const packDto = (p: PackRow, all: ClipRow[], activeNow: number | null): VoicePackDto => ({
    id: p.id,
    name: p.name,
    createdAt: p.created_at,
    activatedAt: p.activated_at,
    active: p.id === activeNow,
    clips: all.filter((c) => c.pack_id === p.id).map(clipDto),
  });

  return {
    activeId,
    exists: (id: number) => pack.get(id) !== undefined,
    all: (): VoicePackDto[] => {
      const a = activeId();
      const cs = clips.all();
      return packs.all().map((p) => packDto(p, cs, a));
    },
    one: (id: number): VoicePackDto | null => {
      const p = pack.get(id);
      return p ? packDto(p, clipsOf.all(id), activeId()) : null;
    },
    clipNames: (id: number) => clipsOf.all(id).map((c) => c.clip),
    create: (name: string, at: string, by: number | null): number => Number(insertPack.run(name, at, by).lastInsertRowid),
    putClip: (c: ClipRecord) => void putClip.run(c),
    removeClip: (packId: number, clip: string) => deleteClip.run(packId, clip).changes > 0,
    activate: (packId: number | null, at: string) => {
      setActive.run(packId, at);
      if (packId !== null) stampActivated.run(at, packId);
    },
  };
}
export type VoicePackQueries = ReturnType<typeof voicePackQueries>;
