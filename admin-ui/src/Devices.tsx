import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketDto } from '@qms/protocol';
import { apiFetch, errorText, useFloorEvent, type DeviceState, type useDevices, type UseFloorResult } from '@qms/ui-kit';
import { useWords, type WordKey } from './words';

/** One entry of `GET /api/health` → `devices`, and of a `device.status` event. */
type Device = DeviceState;

const kinds = ['printer', 'led', 'keypad', 'rating-box', 'kiosk', 'display', 'rating'] as const;
const reasons = ['paper_out', 'paper_near_end', 'cover_open', 'cutter_error', 'printer_error', 'offline', 'no_answer', 'link_down', 'no_printer'] as const;

function hhmm(iso: string, timeZone: string) {
  try {
    return new Intl.DateTimeFormat('vi-VN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  } catch {
    return iso.slice(11, 16);
  }
}

const isReason = (r: string): r is (typeof reasons)[number] => (reasons as readonly string[]).includes(r);

/** One device in plain words: what it is, and its state ("hết giấy", "đã kết nối"), plus the technical rest as a hint. */
export function useDeviceWords() {
  const { w, lang } = useWords();
  const kindName = (kind: string) => ((kinds as readonly string[]).includes(kind) ? w(`dev.kind.${kind}` as WordKey) : kind);
  const reasonText = (reason: string | null) => (reason && isReason(reason) ? w(`reason.${reason}`) : (reason ?? w('dev.unknown')));
  const state = (d: Device): { text: string; where: string | null } => {
    const detail = (d.detail ?? '').trim();
    if (!detail) return { text: d.ok ? w('dev.ok').toLowerCase() : w('dev.unknown'), where: null };
    if (d.code === 'connected') return { text: w('dev.connected'), where: null };
    if (d.code === 'not_connected') return { text: w('dev.notConnected'), where: null };
    const [head = '', ...rest] = detail.split(' — ');
    const where = rest.join(' — ') || null;
    if (d.code === 'ready') return { text: lang === 'vi' ? 'sẵn sàng' : 'ready', where };
    if (d.code === 'one_way') return { text: lang === 'vi' ? 'đang dùng (USB một chiều: không đọc được trạng thái)' : 'in use (one-way USB: no status)', where };
    if (d.code === 'status_unknown') return { text: lang === 'vi' ? 'đang dùng (đã tắt hỏi trạng thái: không biết hết giấy)' : 'in use (status query off: paper state unknown)', where };
    if (d.code && isReason(d.code)) return { text: w(`reason.${d.code}`), where };
    // Buses report "quầy/counter 2: connected (…)".
    const text = head
      .replace(/^quầy\/counter /, lang === 'vi' ? 'quầy ' : 'counter ')
      .replace(/: connected\b/, `: ${w('dev.connected')}`)
      .replace(/: not connected\b/, `: ${w('dev.notConnected')}`)
      .replace(/: shows ""$/, `: ${w('dev.led.blank')}`)
      .replace(/: shows "(.*)"$/, (_, text: string) => `: ${w('dev.led.shows', { text })}`)
      .replace(/: does not answer \(cable, address or power\?\)$/, `: ${w('dev.noAnswer')}`)
      .replace(/: no answer from keypad (\d+) on (.*)$/, (_, n: string, on: string) => `: ${w('dev.keypadNoAnswer', { n, on })}`)
      .replace(/: cannot write: /, `: ${w('dev.cannotWrite')}: `);
    return { text, where };
  };
  return { kindName, reasonText, state, w, lang };
}

/** Today's tickets whose paper did not come out; read again when a ticket's print state or a device changes. */
function useUnprinted(subscribe: UseFloorResult['subscribe']) {
  const [tickets, setTickets] = useState<TicketDto[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [changes, setChanges] = useState(0);
  const load = useCallback(() => {
    apiFetch<TicketDto[]>('/api/tickets/unprinted')
      .then((list) => {
        setTickets(list);
        setError(null);
      })
      .catch(setError);
  }, []);
  useFloorEvent(subscribe, (e) => {
    if ((e.type === 'ticket.updated' && e.change === 'printed') || e.type === 'device.status') setChanges((n) => n + 1);
  });
  // A burst of events (several tickets failing together) is one request.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(load, changes === 0 ? 0 : 150);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [changes, load]);
  useEffect(() => {
    const id = setInterval(load, 30_000);
    return () => clearInterval(id);
  }, [load]);
  return { tickets, error, reload: load };
}

export type DevicesState = ReturnType<typeof useDevices>;

/** A line above the figures while a device is at fault (not merely unplugged), pointing to the panel. */
export function DeviceAlert({ devices }: { devices: DevicesState['devices'] }) {
  const { kindName, state, w } = useDeviceWords();
  const bad = (devices ?? []).filter((d) => !d.ok && d.detail !== 'not connected');
  if (bad.length === 0) return null;
  return (
    <a className="devices__alert" href="#devices" role="alert">
      {bad.map((d) => `${kindName(d.kind)} ${d.id}: ${state(d).text}`).join(' · ')} — {w('dev.seePanel')}
    </a>
  );
}

export function DevicesPanel({
  subscribe,
  devices: { devices, error },
  canReprint,
  timeZone,
}: {
  subscribe: UseFloorResult['subscribe'];
  devices: DevicesState;
  canReprint: boolean;
  timeZone: string;
}) {
  const { kindName, reasonText, state, w, lang } = useDeviceWords();
  const unprinted = useUnprinted(subscribe);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const reprint = async (t: TicketDto) => {
    if (busy) return;
    setBusy(t.id);
    setMessage(null);
    try {
      const reply = await apiFetch<{ printed: boolean; printerId: string | null; reason: string | null }>(`/api/tickets/${encodeURIComponent(t.id)}/print`, { method: 'POST' });
      setMessage(reply.printed ? { ok: true, text: w('unprinted.done', { number: t.number }) } : { ok: false, text: w('unprinted.failed', { number: t.number, reason: reasonText(reply.reason) }) });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, lang) });
    } finally {
      setBusy(null);
      unprinted.reload();
    }
  };

  // A screen that is not connected is told apart from a device at fault: it is often just switched off.
  const level = (d: Device) => (d.ok ? 'ok' : d.code === 'not_connected' ? 'away' : 'fault');
  const rank = { fault: 0, away: 1, ok: 2 } as const;
  const kindRank = (k: string) => (kinds as readonly string[]).indexOf(k);
  const sorted = [...(devices ?? [])].sort((a, b) => rank[level(a)] - rank[level(b)] || kindRank(a.kind) - kindRank(b.kind) || a.id.localeCompare(b.id));
  const faults = sorted.filter((d) => level(d) === 'fault').length;
  const away = sorted.filter((d) => level(d) === 'away').length;

  return (
    <section className="qms-card devices" id="devices" aria-label={w('dev.title')}>
      <h2>
        {w('dev.title')}
        {devices && faults > 0 && <span className="devices__summary devices__summary--fault">{w('dev.faults', { n: faults })}</span>}
        {devices && away > 0 && <span className="devices__summary devices__summary--away">{w('dev.away', { n: away })}</span>}
        {devices && faults + away === 0 && <span className="devices__summary devices__summary--ok">{w('dev.allOk')}</span>}
      </h2>
      {error !== null && <p className="qms-error" role="alert">{errorText(error, lang)}</p>}
      {!devices && error === null && <p className="qms-hint">{w('dev.loading')}</p>}
      {devices && sorted.length === 0 && <p className="qms-hint">{w('dev.none')}</p>}
      {sorted.length > 0 && (
        <ul className="devices__list">
          {sorted.map((d) => {
            const s = state(d);
            const l = level(d);
            return (
              <li key={d.id} className={`devices__item devices__item--${l}`} data-device={d.id} data-ok={d.ok ? 'true' : 'false'}>
                <span className={`devices__badge devices__badge--${l}`}>{w(l === 'ok' ? 'dev.ok' : l === 'away' ? 'dev.badgeAway' : 'dev.fault')}</span>
                <span className="devices__text">
                  <strong>
                    {kindName(d.kind)} {d.id}
                  </strong>
                  : {s.text}
                  {s.where && <span className="devices__where">{s.where}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="devices__sub">{w('unprinted.title')}</h3>
      {unprinted.error !== null && <p className="qms-error">{errorText(unprinted.error, lang)}</p>}
      {unprinted.tickets && unprinted.tickets.length === 0 && <p className="qms-hint devices__none">{w('unprinted.none')}</p>}
      {unprinted.tickets && unprinted.tickets.length > 0 && (
        <>
          <p className="qms-hint">{w('unprinted.hint')}</p>
          {!canReprint && <p className="qms-hint">{w('unprinted.managerHint')}</p>}
          <ul className="devices__unprinted">
            {unprinted.tickets.map((t) => (
              <li key={t.id} data-ticket={t.id}>
                <strong className="admin__number devices__number">{t.number}</strong>
                <span className="qms-hint">{w('unprinted.issuedAt', { time: hhmm(t.issuedAt, timeZone) })}</span>
                {canReprint && (
                  <button type="button" className="qms-btn devices__reprint" disabled={busy !== null} onClick={() => void reprint(t)}>
                    {busy === t.id ? w('unprinted.printing') : w('unprinted.reprint')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {message && (
        <p className={message.ok ? 'qms-notice' : 'qms-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
