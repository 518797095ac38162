import type { CallDto, CounterDto, Snapshot } from '@qms/protocol';
import { serviceName, useLang, type Lang } from '@qms/ui-kit';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useAfterPaint } from './after-paint';
import { cutRows, fitLevels, fitLine, uncut } from './fit';
import { hallNotices, noticesTitle } from './notices';

const isPriority = (call: { ticket: { priority: string | null } }) => call.ticket.priority !== null;

/** A call is still live while its ticket is called or served at that counter and the counter is open. */
const isLive = (call: CallDto, counter: CounterDto | undefined) =>
  counter?.status === 'open' && counter.currentTicket?.id === call.ticket.id && ['called', 'serving'].includes(counter.currentTicket.status);

/** Levels of `data-fit` in app.css: counter tiles from roomy to dense; the side column from one roomy column to two dense ones. */
const COUNTER_LEVELS = 4;
const SIDE_LEVELS = 5;

const moreFields: Record<Lang, (fields: number, waiting: number) => string> = {
  vi: (fields, waiting) => `+ ${fields} lĩnh vực khác: ${waiting} đang chờ`,
  en: (fields, waiting) => `+ ${fields} more ${fields === 1 ? 'service' : 'services'}: ${waiting} waiting`,
};

/**
 * The hall TV: the latest call very large, every counter with its number, the last calls, the waiting counts, the
 * notice line. The called number and the counter tiles follow each message at once; the lists, the counts and the
 * fitting of the regions follow one frame later, once for all the messages of a call, so they never delay the number.
 */
export function Hall({ snapshot, counterIds }: { snapshot: Snapshot; counterIds: number[] | undefined }) {
  const shown = useAfterPaint(snapshot);
  const mine = (id: number) => !counterIds || counterIds.includes(id);
  const counters = snapshot.counters.filter((c) => mine(c.id));
  const latest = snapshot.recentCalls.find((c) => mine(c.counterId));
  const { t, lang } = useLang();
  const live = latest !== undefined && isLive(latest, snapshot.counters.find((c) => c.id === latest.counterId));
  const notice = shown.display?.notice.trim() ?? '';
  const notices = hallNotices(servedServices(shown, counterIds), lang);
  const layout = useRef<HTMLDivElement>(null);
  const fit = useFit(layout, lang);
  // After the lists render (and on a new language), not after every message.
  useLayoutEffect(fit, [fit, shown]);

  return (
    <div ref={layout} className={`display__layout${notice ? ' display__layout--notice' : ''}${notices.length ? ' display__layout--notices' : ''}`}>
      <LatestCall call={latest} live={live} fit={fit} />
      <section className="display__counters" aria-label={t('display.counters')}>
        {counters.map((c) => (
          <CounterTile key={c.id} counter={c} highlight={live && latest?.counterId === c.id} />
        ))}
      </section>
      <HallLists snapshot={shown} counterKey={counterIds?.join(',') ?? null} />
    </div>
  );
}

/** The fields served by the counters of this display (all of them on an unfiltered display). */
function servedServices(snapshot: Snapshot, counterIds: number[] | undefined) {
  if (!counterIds) return snapshot.services;
  const served = new Set(snapshot.counters.filter((c) => counterIds.includes(c.id)).flatMap((c) => c.serviceIds));
  return snapshot.services.filter((s) => served.has(s.id));
}

/** The notices, the recent calls, the waiting per field and the notice line. */
const HallLists = memo(function HallLists({ snapshot, counterKey }: { snapshot: Snapshot; counterKey: string | null }) {
  const counterIds = counterKey === null ? undefined : counterKey.split(',').map(Number);
  const calls = snapshot.recentCalls.filter((c) => !counterIds || counterIds.includes(c.counterId));
  const services = servedServices(snapshot, counterIds);
  const { t, lang } = useLang();
  const notice = snapshot.display?.notice.trim() ?? '';
  const notices = hallNotices(services, lang);

  return (
    <>
      {notices.length > 0 && (
        <section className="qms-card display__notices" role="status">
          <h2>{noticesTitle(lang)}</h2>
          <ul>
            {notices.map((n) => (
              <li key={n.key} className={`display__notices--${n.kind}`}>{n.text}</li>
            ))}
          </ul>
        </section>
      )}
      <aside className="display__side">
        <section className="qms-card display__recent">
          <h2>{t('display.recentCalls')}</h2>
          <ol className="display__calls">
            {/* As many as fit: the fit hides the rows below the card's bottom. */}
            {calls.slice(1).map((c) => (
              <li key={`${c.ticket.id}-${c.at}`} className={isPriority(c) ? 'display__calls--priority' : undefined}>
                <span className="display__calls-number">{c.ticket.number}</span>
                <span className="display__calls-counter">→ {t('counter.label', { n: c.counterNumber })}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="qms-card display__fields">
          <h2>{t('display.waitingByService')}</h2>
          <ul className="display__waiting">
            {services.map((s) => (
              <li key={s.id} data-service={s.id} data-waiting={s.waiting}>
                <span className="display__waiting-name">{serviceName(s, lang)}</span>
                <span className="num">{s.waiting}</span>
              </li>
            ))}
            {/* Filled by the fit when the fields do not fit even two to a row at the smallest size. */}
            <li className="display__waiting-more" hidden />
          </ul>
        </section>
      </aside>
      {notice && <Notice text={notice} />}
    </>
  );
});

/**
 * Fits the regions into the screen (after the lists render, before paint) and, with the headline, on resize: the
 * counter tiles and the side column step to denser levels, and fields that still do not fit are summed up in one line
 * instead of being cut off. The headline is fitted on its own (`fitHeadline`), by `LatestCall` when its shape changes.
 */
function useFit(ref: RefObject<HTMLDivElement | null>, lang: Lang): () => void {
  const fit = useCallback(() => {
    const root = ref.current;
    if (!root) return;
    const one = (selector: string) => root.querySelector<HTMLElement>(selector);
    const tiles = one('.display__counters');
    const side = one('.display__side');
    const more = one('.display__waiting-more');
    const rows = Array.from(root.querySelectorAll<HTMLElement>('.display__waiting li[data-service]'));
    const calls = Array.from(root.querySelectorAll<HTMLElement>('.display__calls li'));
    // Every row shown before anything is measured, so that the usual case (nothing changes level) lays out once.
    for (const row of calls) row.hidden = false;
    if (more) uncut(rows, more);
    if (tiles) fitLevels(tiles, COUNTER_LEVELS);
    if (!side || !more) return;
    if (!fitLevels(side, SIDE_LEVELS)) {
      cutRows(side, rows, more, (hidden) => moreFields[lang](hidden.length, hidden.reduce((n, row) => n + Number(row.dataset.waiting ?? 0), 0)));
    }
    // The recent calls take the room the fields leave: every whole row that fits, none cut in half. Measured in one
    // layout: a hidden row's place goes to the rows under it.
    const list = one('.display__calls');
    if (!list) return;
    const bottom = list.getBoundingClientRect().bottom;
    const heights = calls.map((row) => row.getBoundingClientRect().height);
    let y = calls[0]?.getBoundingClientRect().top ?? 0;
    calls.forEach((row, i) => {
      const h = heights[i]!;
      row.hidden = y + h > bottom + 1;
      if (!row.hidden) y += h;
    });
  }, [ref, lang]);
  useEffect(() => {
    const resized = () => {
      if (ref.current) fitHeadline(ref.current);
      fit();
    };
    window.addEventListener('resize', resized);
    return () => window.removeEventListener('resize', resized);
  }, [ref, fit]);
  return fit;
}

/** Shrinks the headline to one line (`--fit`). */
function fitHeadline(root: ParentNode) {
  const banner = root.querySelector<HTMLElement>('.display__latest');
  const line = root.querySelector<HTMLElement>('.display__latest-line');
  if (banner && line) fitLine(banner, line);
}

/**
 * The headline. Its line's width depends only on the language, the number of digits (tabular figures) and the tag
 * above it, so a call of the same shape keeps the fit it has and goes up without a layout before the frame; a call
 * of another shape is fitted at once, and the regions under it with it.
 */
const LatestCall = memo(function LatestCall({ call, live, fit }: { call: CallDto | undefined; live: boolean; fit: () => void }) {
  const { t, lang } = useLang();
  const tag = call ? [isPriority(call) && t('display.priority'), call.recall && t('display.recall')].filter(Boolean).join(' · ') : '';
  const shape = call ? `${lang} ${call.ticket.number.length} ${String(call.counterNumber).length} ${tag}` : `${lang} -`;
  const fitted = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (fitted.current === shape) return;
    fitted.current = shape;
    fitHeadline(document);
    // Its height may have changed (a tag line), and with it the room of the counters.
    fit();
  }, [shape, fit]);
  if (!call) {
    return (
      <section className="display__latest display__latest--empty">
        <span className="display__latest-line">{t('display.noCalls')}</span>
      </section>
    );
  }
  const kind = `${isPriority(call) ? ' display__latest--priority' : ''}${live ? '' : ' display__latest--past'}`;
  return (
    <section className={`display__latest${kind}`} aria-live="assertive" data-ticket={call.ticket.number}>
      {tag && <span className="display__latest-tag">{tag}</span>}
      <span className="display__latest-line">
        <span>{t('display.callPrefix')}</span> <span className="display__latest-number">{call.ticket.number}</span>{' '}
        <span>{t('display.callToCounter')}</span> <span className="display__latest-number">{call.counterNumber}</span>
      </span>
      {/* Keyed by ticket and time, so the flash replays on every call and recall (and only then: going past keeps it). */}
      <span key={`${call.ticket.id}-${call.at}`} className="display__latest-flash" aria-hidden="true" />
    </section>
  );
});

const CounterTile = memo(function CounterTile({ counter, highlight }: { counter: CounterDto; highlight: boolean }) {
  const { t } = useLang();
  const serving = counter.currentTicket && ['called', 'serving'].includes(counter.currentTicket.status) ? counter.currentTicket : null;
  const priority = serving?.priority ? ' display__counter--priority' : '';
  return (
    <div className={`display__counter display__counter--${counter.status}${highlight ? ' display__counter--hot' : ''}${priority}`} data-counter={counter.number}>
      <div className="display__counter-name">{t('counter.label', { n: counter.number })}</div>
      <div className="display__counter-number">{serving?.number ?? '—'}</div>
      <div className="display__counter-sub">
        {counter.status === 'open' ? (counter.staff?.name ?? t('counter.noStaff')) : t(`counter.status.${counter.status}`)}
      </div>
    </div>
  );
});

/** The manager's notice, scrolling right to left; its speed follows its length so long text stays readable. */
function Notice({ text }: { text: string }) {
  const seconds = Math.max(12, Math.round(text.length / 5));
  return (
    <div className="display__notice" role="marquee">
      {/* The text twice, moved by half its width, loops without a jump and is readable from the first frame. */}
      <span className="display__notice-text" style={{ animationDuration: `${seconds}s` }}>
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </span>
    </div>
  );
}
