import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VOICE_CLIP_MAX_SECONDS, type VoiceClipDto, type VoicePackDto, type VoicePacksReply } from '@qms/protocol';
import type { Floor } from '../floor';
import type { Db } from '../store/open';
import { voicePackQueries } from '../store/voice-packs';
import { ApiFailure } from '../http/errors';
import { normaliseClip } from './normalise';
import { encodeWav, parseWav, WavError } from './wav-codec';

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The voice studio: packs of recorded clips under `<voiceDir>/packs/<id>/<clip>.wav`, their loudness figures in
 * SQLite, and which pack the halls speak with. Every change goes through floor.run with its event row; a clip's file
 * is renamed into place inside that transaction, so a failed write leaves neither the row nor the file.
 */
export function createVoiceStudio({ floor, db, voiceDir }: { floor: Floor; db: Db; voiceDir: string }) {
  const packDir = (id: number) => join(voiceDir, 'packs', String(id));
  const q = voicePackQueries(db, (id, clip) => existsSync(join(packDir(id), `${clip}.wav`)));
  const iso = (ms: number) => new Date(ms).toISOString();

  const editable = (id: number): VoicePackDto => {
    const pack = q.one(id);
    if (!pack) throw new ApiFailure('unknown_voice_pack', { id });
    if (pack.active) throw new ApiFailure('voice_pack_in_use');
    return pack;
  };
  const notSaved = (err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    return new ApiFailure('voice_not_saved', { dir: voiceDir, reason: e.code ?? e.message });
  };

  return {
    voiceDir,
    packDir,
    activeId: q.activeId,
    list: (): VoicePacksReply => ({ activeId: q.activeId(), packs: q.all() }),

    create(name: string, copyFrom: number | undefined, by: number | null): VoicePackDto {
      const source = copyFrom === undefined ? null : q.one(copyFrom);
      if (copyFrom !== undefined && !source) throw new ApiFailure('unknown_voice_pack', { id: copyFrom });
      const id = floor.run((tx) => {
        const created = q.create(name, iso(tx.now), by);
        const dir = packDir(created);
        try {
          rmSync(dir, { recursive: true, force: true }); // an id SQLite hands out again after a rolled-back pack
          mkdirSync(dir, { recursive: true });
          for (const { missing, ...c } of source?.clips ?? []) {
            if (missing) continue; // its file is lost: the new pack simply lacks it
            copyFileSync(join(packDir(source!.id), `${c.clip}.wav`), join(dir, `${c.clip}.wav`));
            q.putClip({ ...c, packId: created, recordedBy: by });
          }
        } catch (err) {
          throw notSaved(err);
        }
        tx.log({ type: 'voice.pack_created', ticketId: null, counterId: null, staffId: by, payload: { packId: created, name, copyFrom: copyFrom ?? null } });
        return created;
      });
      return q.one(id)!;
    },

    /** Normalises a WAV recording and stores it as `clip` of pack `id`; answers its figures. */
    record(id: number, clip: string, bytes: Uint8Array, by: number | null): VoiceClipDto {
      editable(id);
      let audio;
      try {
        audio = parseWav(bytes);
      } catch (err) {
        if (err instanceof WavError && err.reason === 'not_wav') throw new ApiFailure('voice_not_wav');
        throw new ApiFailure('voice_format', { detail: (err as Error).message });
      }
      const seconds = audio.samples.length / audio.sampleRate;
      if (seconds > VOICE_CLIP_MAX_SECONDS) throw new ApiFailure('voice_too_long', { seconds: round(seconds, 1), max: VOICE_CLIP_MAX_SECONDS });
      const result = normaliseClip(audio);
      if (!result) throw new ApiFailure('voice_silent');
      const wav = encodeWav(result.audio);
      const dir = packDir(id);
      const temp = join(dir, `.${clip}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(temp, wav, { flush: true });
      } catch (err) {
        throw notSaved(err);
      }
      const f = result.figures;
      const record = { clip, lufs: round(f.lufs), peakDb: round(f.peakDb), inputLufs: round(Number.isFinite(f.inputLufs) ? f.inputLufs : -99), seconds: round(f.seconds, 3), bytes: wav.length };
      try {
        floor.run((tx) => {
          editable(id); // activated meanwhile?
          q.putClip({ ...record, packId: id, recordedAt: iso(tx.now), recordedBy: by });
          tx.log({ type: 'voice.clip_recorded', ticketId: null, counterId: null, staffId: by, payload: { packId: id, ...record } });
          renameSync(temp, join(dir, `${clip}.wav`));
        });
      } finally {
        rmSync(temp, { force: true });
      }
      return q.one(id)!.clips.find((c) => c.clip === clip)!;
    },

    remove(id: number, clip: string, by: number | null): void {
      editable(id);
      floor.run((tx) => {
        if (!q.removeClip(id, clip)) return;
        tx.log({ type: 'voice.clip_removed', ticketId: null, counterId: null, staffId: by, payload: { packId: id, clip } });
        rmSync(join(packDir(id), `${clip}.wav`), { force: true });
      });
    },

    activate(id: number | null, by: number | null): VoicePacksReply {
      if (id !== null && !q.exists(id)) throw new ApiFailure('unknown_voice_pack', { id });
      floor.run((tx) => {
        const from = q.activeId();
        q.activate(id, iso(tx.now));
        tx.log({ type: 'voice.pack_activated', ticketId: null, counterId: null, staffId: by, payload: { packId: id, from, clips: id === null ? 0 : q.clipNames(id).length } });
      });
      return { activeId: q.activeId(), packs: q.all() };
    },

    /** A clip file of a pack, or null when the pack has not recorded it. */
    clipFile(id: number, file: string): Buffer | null {
      const path = join(packDir(id), file);
      return /^[a-z0-9]{1,24}\.wav$/.test(file) && existsSync(path) ? readFileSync(path) : null;
    },
  };
}
export type VoiceStudio = ReturnType<typeof createVoiceStudio>;
