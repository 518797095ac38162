/**
 * A citizen must not be able to leave the kiosk, zoom it or select its text: no context menu (long press),
 * no pinch or ctrl+wheel zoom, no dragging, no browser shortcuts that navigate away.
 */
export function lockDown(doc: Document): void {
  const stop = (e: Event) => e.preventDefault();
  doc.addEventListener('contextmenu', stop);
  doc.addEventListener('dragstart', stop);
  doc.addEventListener('selectstart', stop);
  doc.addEventListener('gesturestart', stop);
  doc.addEventListener('touchmove', (e) => e.touches.length > 1 && e.preventDefault(), { passive: false });
  doc.addEventListener('wheel', (e) => e.ctrlKey && e.preventDefault(), { passive: false });
  doc.addEventListener('keydown', (e) => {
    const zoomOrNavigate = (e.ctrlKey || e.metaKey) && ['+', '-', '=', '0', 'p', 's', 'o', 'l', 'n', 't', 'w'].includes(e.key.toLowerCase());
    if (zoomOrNavigate || (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) || e.key === 'F5' || e.key === 'BrowserBack') e.preventDefault();
  });
}
