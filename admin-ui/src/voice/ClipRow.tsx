import { useRef, useState } from 'react';
import { routePath, routes, type VoiceClipDto } from '@qms/protocol';
import { apiFetch, errorText } from '@qms/ui-kit';
import { decodeFile, microphoneAvailable, playClip, startRecording, wavOf, type Recording } from './audio';
import type { NeededClip } from './needed-clips';
import { useVoiceWords } from './words';

const fmt = (x: number, digits = 1) => x.toFixed(digits).replace('.', ',').replace('-', '−');
/** Recordings stop by themselves before the server's 15 s limit. */
const MAX_RECORDING_MS = 12_000;

/** One word of the pack: listen, record (with a level meter), retake, upload a phone's file, remove. */
export function ClipRow(props: { clip: NeededClip; packId: number | null; recorded: VoiceClipDto | undefined; lost?: boolean; canEdit: boolean; onChanged: () => void }) {
  const { clip, packId, recorded, lost = false, canEdit, onChanged } = props;
  const { w, lang } = useVoiceWords();
  const [recording, setRecording] = useState<Recording | null>(null);
  const [level, setLevel] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const send = async (audio: AudioBuffer | null) => {
    if (!audio || packId === null) {
      setMessage({ ok: false, text: w('clip.unreadable') });
      return;
    }
    setBusy(true);
    setMessage({ ok: true, text: w('clip.saving') });
    try {
      const saved = await apiFetch<VoiceClipDto>(routePath(routes.voiceClipPut.path, { id: packId, clip: clip.clip }), {
        method: 'PUT',
        body: wavOf(audio),
        headers: { 'Content-Type': 'audio/wav' },
      });
      setMessage({ ok: true, text: w('clip.saved', { word: clip.word, lufs: fmt(saved.lufs), peak: fmt(saved.peakDb), input: fmt(saved.inputLufs) }) });
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  };

  const record = async () => {
    setMessage(null);
    try {
      const r = await startRecording(setLevel);
      setRecording(r);
      stopTimer.current = setTimeout(() => void stop(r), MAX_RECORDING_MS);
    } catch (err) {
      setMessage({ ok: false, text: w('clip.micDenied', { reason: err instanceof Error ? err.message : String(err) }) });
    }
  };
  const stop = async (r: Recording | null = recording) => {
    if (!r) return;
    if (stopTimer.current) clearTimeout(stopTimer.current);
    setRecording(null);
    await send(await r.stop());
  };
  const upload = async (f: File | undefined) => {
    if (file.current) file.current.value = '';
    if (f) await send(await decodeFile(f));
  };
  const remove = async () => {
    if (packId === null) return;
    setBusy(true);
    try {
      await apiFetch(routePath(routes.voiceClipDelete.path, { id: packId, clip: clip.clip }), { method: 'DELETE' });
      setMessage(null);
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, lang) });
    } finally {
      setBusy(false);
    }
  };

  const status = recorded ? w('clip.recorded', { lufs: fmt(recorded.lufs), seconds: fmt(recorded.seconds, 2) }) : lost ? w('clip.lost') : w('clip.default');
  return (
    <li className={`voice-clip${recorded ? ' voice-clip--recorded' : ''}${lost ? ' voice-clip--lost' : ''}`} data-clip={clip.clip}>
      <span className="voice-clip__word" lang="vi">
        {clip.word}
      </span>
      <code className="voice-clip__file">{clip.clip}.wav</code>
      <span className={`voice-clip__status${lost ? ' qms-error' : ''}`}>{status}</span>
      <span className="voice-clip__tools">
        <button type="button" className="qms-btn qms-btn--small" disabled={busy} onClick={() => void playClip(packId, clip.clip)}>
          ▶ {w('clip.listen')}
        </button>
        {canEdit && microphoneAvailable() && !recording && (
          <button type="button" className="qms-btn qms-btn--small qms-btn--primary" disabled={busy} onClick={() => void record()}>
            ● {recorded ? w('clip.retake') : w('clip.record')}
          </button>
        )}
        {recording && (
          <button type="button" className="qms-btn qms-btn--small qms-btn--danger" onClick={() => void stop()}>
            ■ {w('clip.stop')}
          </button>
        )}
        {canEdit && (
          <button type="button" className="qms-btn qms-btn--small" disabled={busy || !!recording} onClick={() => file.current?.click()}>
            ⤒ {w('clip.upload')}
          </button>
        )}
        {canEdit && (recorded || lost) && (
          <button type="button" className="qms-btn qms-btn--small" disabled={busy || !!recording} onClick={() => void remove()}>
            ✕ {w('clip.remove')}
          </button>
        )}
        <input ref={file} type="file" accept="audio/*,.wav,.m4a,.mp3,.ogg,.webm,.aac" hidden aria-label={`${w('clip.upload')}: ${clip.word}`} onChange={(e) => void upload(e.target.files?.[0])} />
      </span>
      {recording && (
        <span className="voice-clip__meter" role="meter" aria-label={w('level')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(level * 100)}>
          <span style={{ width: `${Math.min(100, Math.round(level * 100))}%` }} className={level > 0.95 ? 'voice-clip__meter--clip' : ''} />
        </span>
      )}
      {message && (
        <span className={`voice-clip__message ${message.ok ? 'qms-notice' : 'qms-error'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
    </li>
  );
}
