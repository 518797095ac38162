import type { Logger } from '../log';
import type { Db } from '../store/open';
import { restoreVoiceClips } from '../store/voice-backup';

/**
 * At start: clips the database holds whose files are gone (a restored copy, a lost or wiped voice folder) are copied
 * back from the backups' `.voice` folders. Those no copy holds stay missing: the studio shows them so and the halls say
 * the default pack's clip instead. Never fatal: the floor starts either way.
 */
export function recoverVoiceClips(db: Db, voiceDir: string, backupDirs: readonly string[], log: Logger) {
  try {
    const { restored, missing } = restoreVoiceClips(db, voiceDir, backupDirs);
    if (restored.length > 0) log.warn({ clips: restored }, `Đã chép lại ${restored.length} tệp giọng đọc từ bản sao lưu / ${restored.length} voice clips restored from the backups`);
    if (missing.length > 0) log.error({ clips: missing }, `Thiếu ${missing.length} tệp giọng đọc, không có trong bản sao lưu nào / ${missing.length} voice clips missing and in no backup`);
  } catch (err) {
    log.error({ err }, 'Không chép lại được giọng đọc từ bản sao lưu / voice clips not restored from the backups');
  }
}
