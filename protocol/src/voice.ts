import { z } from 'zod';
import type { ApiRoute } from './routes';

/** A recorded clip as sent to the server: a WAV file (the studio sends 16-bit PCM decoded in the browser). */
export const VOICE_CLIP_MAX_BYTES = 4 * 1024 * 1024;
/** The longest recording taken for one clip (before its silence is trimmed). */
export const VOICE_CLIP_MAX_SECONDS = 15;
/** A clip's name: the word's Telex spelling in ASCII (`mowif` for "mời"), or `chime`. */
export const VoiceClipName = z.string().regex(/^[a-z0-9]{1,24}$/);

export const VoiceClipDto = z.object({
  clip: z.string(),
  /** Loudness after normalising (LUFS), sample peak (dBFS), the loudness as recorded, length in seconds. */
  lufs: z.number(),
  peakDb: z.number(),
  inputLufs: z.number(),
  seconds: z.number(),
  bytes: z.number().int(),
  recordedAt: z.string(),
  /** Its file is gone from the data folder (a lost disk, a restore without the clips): the halls say the default pack's. */
  missing: z.boolean(),
});
export type VoiceClipDto = z.infer<typeof VoiceClipDto>;

export const VoicePackDto = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  /** When it was last made the hall's voice; null if never. */
  activatedAt: z.string().nullable(),
  active: z.boolean(),
  clips: z.array(VoiceClipDto),
});
export type VoicePackDto = z.infer<typeof VoicePackDto>;

export const VoicePacksReply = z.object({
  /** The pack the halls speak with; null: the default (espeak-ng) pack. */
  activeId: z.number().int().nullable(),
  packs: z.array(VoicePackDto),
});
export type VoicePacksReply = z.infer<typeof VoicePacksReply>;

export const CreateVoicePackBody = z.object({
  name: z.string().trim().min(1).max(60),
  /** Start from a copy of this pack's clips (e.g. the active one) instead of an empty pack. */
  copyFrom: z.number().int().positive().optional(),
});
export const ActivateVoicePackBody = z.object({
  /** The pack to speak with; null goes back to the default pack. */
  id: z.number().int().positive().nullable(),
});

const auth = ['unauthorized', 'session_expired', 'forbidden', 'password_change_required'] as const;
const input = ['invalid_input', 'malformed_json'] as const;
const read = 'admin, manager (read only)';

/** The voice studio's routes (merged into protocol's route table). */
export const voiceRoutes = {
  voicePacks: {
    method: 'get',
    path: '/api/admin/voice/packs',
    summary: 'The recorded voice packs, each clip with its loudness figures, and which pack the halls speak with',
    access: read,
    status: 200,
    reply: VoicePacksReply,
    errors: [...auth],
  },
  voicePackCreate: {
    method: 'post',
    path: '/api/admin/voice/packs',
    summary: 'A new voice pack to record into, empty or a copy of another pack’s clips',
    access: 'admin',
    body: CreateVoicePackBody,
    status: 201,
    reply: VoicePackDto,
    errors: [...auth, ...input, 'unknown_voice_pack'],
  },
  voiceClipPut: {
    method: 'put',
    path: '/api/admin/voice/packs/:id/clips/:clip',
    summary: `Record one clip: the body is a WAV file (PCM 8–32 bit or float, any rate, mono or stereo; at most ${VOICE_CLIP_MAX_BYTES / 1024 / 1024} MB and ${VOICE_CLIP_MAX_SECONDS} s). The server trims its silence, resamples it to 22.05 kHz, brings it to −18 LUFS with its peak under −1 dBFS and stores it; the pack in use cannot be changed (make a copy)`,
    access: 'admin',
    status: 200,
    reply: VoiceClipDto,
    errors: [...auth, 'unknown_voice_pack', 'voice_pack_in_use', 'voice_clip_name', 'voice_too_large', 'voice_not_wav', 'voice_format', 'voice_too_long', 'voice_silent', 'voice_not_saved'],
  },
  voiceClipDelete: {
    method: 'delete',
    path: '/api/admin/voice/packs/:id/clips/:clip',
    summary: 'Remove one recorded clip from a pack (the default pack’s clip is said instead)',
    access: 'admin',
    status: 204,
    reply: null,
    errors: [...auth, 'unknown_voice_pack', 'voice_pack_in_use', 'voice_clip_name'],
  },
  voicePackActivate: {
    method: 'post',
    path: '/api/admin/voice/active',
    summary: 'Make a pack the halls’ voice (or go back to the default pack): logged as voice.pack_activated; every hall display speaks with it from its next call',
    access: 'admin',
    body: ActivateVoicePackBody,
    status: 200,
    reply: VoicePacksReply,
    errors: [...auth, ...input, 'unknown_voice_pack'],
  },
} as const satisfies Record<string, ApiRoute>;
