/**
 * The hall TV cannot scroll, so each region of the screen is fitted into the box the grid gives it: before paint,
 * after every render and on resize. No timer, no observer, nothing kept between runs.
 */

/** The content of `el` does not fit its box (the box clips it). */
export const overflows = (el: HTMLElement) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

/**
 * Tries `data-fit="0"` (roomiest) up to `data-fit="{levels - 1}"` (densest) on `el` and keeps the first whose content
 * fits; the CSS of each level is denser. Returns whether it fits at all.
 */
export function fitLevels(el: HTMLElement, levels: number): boolean {
  for (let level = 0; level < levels; level++) {
    // Written only when it changes: setting the same value again still makes the browser recompute the styles.
    if (el.getAttribute('data-fit') !== String(level)) el.setAttribute('data-fit', String(level));
    if (!overflows(el)) return true;
  }
  return false;
}

/**
 * Shrinks a one-line headline (`white-space: nowrap`) through the `--fit` scale its font sizes are multiplied by,
 * down to `min`; below that it may wrap (`data-wrap`) rather than be cut.
 */
export function fitLine(box: HTMLElement, line: HTMLElement, min = 0.6): void {
  box.style.setProperty('--fit', '1');
  box.removeAttribute('data-wrap');
  const need = line.scrollWidth;
  const room = line.clientWidth;
  if (need <= room + 1) return;
  const scale = Math.floor((room / need) * 100) / 100;
  box.style.setProperty('--fit', String(Math.max(min, scale)));
  if (scale < min) box.setAttribute('data-wrap', '');
}

/**
 * Last resort when even the densest level does not fit: hides rows from the end until the list fits with `more`
 * shown in place of them, and lets `describe` tell what was left out, so nothing disappears without a word.
 * Returns the number of rows hidden.
 */
export function cutRows(box: HTMLElement, rows: HTMLElement[], more: HTMLElement, describe: (hidden: HTMLElement[]) => string): number {
  more.hidden = false;
  more.textContent = describe(rows.slice(-1));
  // First every row that ends below the box, read in one layout; then one at a time until the "more" line fits too.
  const bottom = box.getBoundingClientRect().bottom;
  let keep = rows.length;
  while (keep > 1 && rows[keep - 1]!.getBoundingClientRect().bottom > bottom) keep--;
  keep = Math.min(keep, rows.length - 1);
  const hide = () => {
    for (const row of rows.slice(keep)) row.hidden = true;
    more.textContent = describe(rows.slice(keep));
  };
  hide();
  while (keep > 1 && overflows(box)) {
    keep--;
    hide();
  }
  return rows.length - keep;
}

/** Undoes `cutRows`: every row shown, the "more" line hidden. */
export function uncut(rows: HTMLElement[], more: HTMLElement): void {
  for (const row of rows) row.hidden = false;
  more.hidden = true;
  more.textContent = '';
}
