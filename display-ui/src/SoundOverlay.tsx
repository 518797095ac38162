import { useLang } from '@qms/ui-kit';

/** Covers the screen while the browser blocks sound; one click anywhere turns the calling voice on. */
export function SoundOverlay({ onUnlock }: { onUnlock: () => void }) {
  const { t } = useLang();
  return (
    <button type="button" className="display__sound" onClick={onUnlock}>
      {/* Drawn, not an emoji: a cheap TV stick often has no emoji font. */}
      <svg className="display__sound-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
        <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span className="display__sound-title">{t('display.soundBlocked')}</span>
      <span className="display__sound-hint">{t('display.soundBlockedHint')}</span>
    </button>
  );
}
