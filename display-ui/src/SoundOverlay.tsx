import { useLang } from '@qms/ui-kit';

/** Covers the screen while the browser blocks sound; one click anywhere turns the calling voice on. */
export function SoundOverlay({ onUnlock }: { onUnlock: () => void }) {
  const { t } = useLang();
  return (
    <button type="button" className="display__sound" onClick={onUnlock}>
      <span className="display__sound-icon" aria-hidden="true">🔊</span>
      <span className="display__sound-title">{t('display.soundBlocked')}</span>
      <span className="display__sound-hint">{t('display.soundBlockedHint')}</span>
    </button>
  );
}
