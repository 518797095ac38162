import { priorityName, type CounterDto, type PriorityCategory, type ServiceDto, type Snapshot } from '@qms/protocol';
import { PriorityIcon, serviceName, useLang, type Lang } from '@qms/ui-kit';
import type { PrinterState } from './usePrinters';
import { printerFault, priorityGroups, word, type Word } from './words';

export interface HomeProps {
  snapshot: Snapshot;
  /** The chosen group, always one the setup still has. */
  priority: PriorityCategory | null;
  onPriority: (p: PriorityCategory | null) => void;
  onTake: (s: ServiceDto) => void;
  disabled: boolean;
  printer: PrinterState | null;
}

/** The start screen: one large button per field with its queue, and the priority choice above them. */
export function Home({ snapshot, priority, onPriority, onTake, disabled, printer }: HomeProps) {
  const { lang } = useLang();
  const open = snapshot.services.filter((s) => s.issuingNow);
  const groups = priorityGroups(snapshot);
  const allCapped = open.length === 0 && snapshot.services.some((s) => s.closedReason === 'daily_cap_reached' || s.closedReason === 'numbers_exhausted');
  // A public holiday closes the whole center: one sentence instead of a wall of tiles that cannot issue.
  const holiday = open.length === 0 ? (snapshot.services.find((s) => s.holiday)?.holiday ?? null) : null;
  if (holiday) {
    return (
      <div className="kiosk-home">
        <section className="kiosk-holiday" role="status">
          <h1 className="kiosk-holiday__title">{word(lang, 'holidayTitle', { name: lang === 'en' && holiday.nameEn ? holiday.nameEn : holiday.name })}</h1>
          <p className="kiosk-holiday__hint">{word(lang, 'holidayHint')}</p>
        </section>
      </div>
    );
  }
  return (
    <div className="kiosk-home">
      {printer && !printer.ok && (
        <p className="kiosk-notice kiosk-notice--warn" role="status">
          {word(lang, 'printerDown', { reason: printerFault(lang, printer.code) })}
        </p>
      )}
      {open.length === 0 && snapshot.services.length > 0 && (
        <p className="kiosk-notice kiosk-notice--closed" role="status">
          {word(lang, allCapped ? 'allCapped' : 'allClosed')}
        </p>
      )}
      {open.length > 0 && <h1 className="kiosk-prompt">{word(lang, 'prompt')}</h1>}
      <section className="kiosk-priority" aria-label={word(lang, 'priorityAsk')} hidden={open.length === 0 || groups.length === 0}>
        <p className="kiosk-priority__ask">{word(lang, 'priorityAsk')}</p>
        <div className={`kiosk-priority__row kiosk-priority__row--${Math.min(groups.length, 5)}`}>
          {groups.map((g) => (
            <button
              key={g.code}
              type="button"
              className={`kiosk-priority__btn${priority?.code === g.code ? ' kiosk-priority__btn--on' : ''}`}
              aria-pressed={priority?.code === g.code}
              data-priority={g.code}
              disabled={disabled}
              onClick={() => onPriority(priority?.code === g.code ? null : g)}
            >
              {priority?.code === g.code ? <span className="kiosk-priority__mark" aria-hidden="true">✓</span> : g.icon && <PriorityIcon icon={g.icon} />}
              {priorityName(g, lang)}
            </button>
          ))}
        </div>
      </section>
      <div className={`kiosk-grid kiosk-grid--${Math.min(snapshot.services.length, 9)}`}>
        {snapshot.services.map((s) => (
          <button key={s.id} type="button" className="kiosk-field" data-service={s.id} disabled={disabled || !s.issuingNow} onClick={() => onTake(s)}>
            <span className="kiosk-field__name">{serviceName(s, lang)}</span>
            {s.issuingNow ? (
              <span className="kiosk-field__queue">
                <span>{word(lang, 'waiting', { n: s.waiting })}</span>
                <span className="kiosk-field__wait">{servedNow(snapshot.counters, s) ? waitWords(s, lang) : word(lang, 'noCounterOpen')}</span>
              </span>
            ) : (
              <span className="kiosk-field__closed">
                {word(lang, closedWord(s.closedReason))}
                {s.closedReason === 'stopped_today' && s.stoppedReason && <span className="kiosk-field__reason">{s.stoppedReason}</span>}
              </span>
            )}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A counter of this field is open or on a break, so a wait can be promised; else the tile says none is open yet. */
const servedNow = (counters: CounterDto[], s: ServiceDto) => counters.some((c) => c.status !== 'closed' && c.serviceIds.includes(s.id));

function waitWords(s: ServiceDto, lang: Lang): string {
  if (s.waiting === 0 || s.estimatedWaitSeconds <= 0) return word(lang, 'waitNone');
  return word(lang, 'wait', { n: Math.max(1, Math.ceil(s.estimatedWaitSeconds / 60)) });
}

function closedWord(reason: string | null): Word {
  const key = `closed_${reason ?? 'other'}`;
  return (['closed_outside_hours', 'closed_not_working_day', 'closed_daily_cap_reached', 'closed_numbers_exhausted', 'closed_holiday', 'closed_stopped_today'] as const).find((k) => k === key) ?? 'closed_other';
}
