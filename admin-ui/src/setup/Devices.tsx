import { useEffect, useState, type FormEvent } from 'react';
import { routes, type AdminCounterDto, type AdminDeviceDto, type FloorEvent, type WaitingDeviceDto } from '@qms/protocol';
import { fetchRoute, useFloorEvent, type UseFloorResult } from '@qms/ui-kit';
import { useChange, useSetupList } from './data';
import { Field, OutcomeLine } from './parts';
import { useSetupWords } from './words';
import './devices.css';

const words = {
  intro: [
    'Máy lấy số, màn hình gọi số và máy đánh giá được ghép nối bằng mã: mở trang của thiết bị (chưa có mã thiết bị), màn hình hiện một mã 6 chữ số; nhập mã đó ở đây hoặc chọn thiết bị trong danh sách đang chờ.',
    'Kiosks, hall displays and rating tablets pair with a code: open the device’s page (without a token), it shows a 6-digit code; enter it here or pick the device from the waiting list.',
  ],
  codeLabel: ['Mã ghép nối trên màn hình', 'Code shown on the screen'],
  counterLabel: ['Quầy (máy đánh giá)', 'Counter (rating tablet)'],
  displayCounters: ['Quầy hiện trên màn hình gọi số (để trống: mọi quầy)', 'Counters on a hall display (none ticked: every counter)'],
  everyCounter: ['Mọi quầy', 'Every counter'],
  pair: ['Ghép nối', 'Pair'],
  paired: ['Đã ghép nối {id}. Màn hình sẽ tự chuyển sang làm việc.', 'Paired {id}. The screen starts by itself.'],
  waitingTitle: ['Thiết bị đang chờ ghép nối', 'Devices waiting to be paired'],
  noneWaiting: ['Không có thiết bị nào đang chờ.', 'No device is waiting.'],
  pairedTitle: ['Thiết bị đã ghép nối', 'Paired devices'],
  kind: ['Loại', 'Kind'],
  code: ['Mã', 'Code'],
  from: ['Địa chỉ', 'Address'],
  since: ['Từ lúc', 'Since'],
  counter: ['Quầy', 'Counter'],
  state: ['Trạng thái', 'State'],
  source: ['Nguồn', 'Source'],
  pairedAt: ['Ghép nối lúc', 'Paired at'],
  lastSeen: ['Thấy lần cuối', 'Last seen'],
  online: ['Đang kết nối', 'Connected'],
  offline: ['Không kết nối', 'Not connected'],
  fromConfig: ['Tệp cấu hình', 'Config file'],
  fromPairing: ['Ghép nối bằng mã', 'Paired by code'],
  revoke: ['Thu hồi', 'Revoke'],
  revokeConfirm: ['Thu hồi thiết bị {id}? Màn hình đó ngừng hoạt động ngay và quay về màn hình ghép nối.', 'Revoke {id}? That screen stops at once and goes back to the pairing screen.'],
  revoked: ['Đã thu hồi {id}.', 'Revoked {id}.'],
  chooseCounter: ['— chọn quầy —', '— choose a counter —'],
  allCounters: ['—', '—'],
  'kind.kiosk': ['Máy lấy số', 'Ticket kiosk'],
  'kind.display': ['Màn hình gọi số', 'Hall display'],
  'kind.rating': ['Máy đánh giá', 'Rating tablet'],
} as const;

/** Devices: screens waiting with a pairing code (pair them), the paired ones (revoke them). Live: a new waiting screen shows at once. */
export function Devices({ canEdit, subscribe }: { canEdit: boolean; subscribe: UseFloorResult['subscribe'] }) {
  const { lang } = useSetupWords();
  const d = (key: keyof typeof words, params: Record<string, string | number> = {}) =>
    words[key][lang === 'vi' ? 0 : 1].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  const { data, error, reload } = useSetupList(routes.adminDevices, subscribe, ['device']);
  const counters = useSetupList(routes.adminCounters, subscribe, ['counter']).data;
  useFloorEvent(subscribe, (e: FloorEvent) => {
    // A screen started or stopped waiting, or a device came or went.
    if (e.type === 'device.pairing' || (e.type === 'device.status' && ['kiosk', 'display', 'rating'].includes(e.kind))) reload();
  });
  // Codes nobody waits for any more run out without an event: read the list again now and then.
  useEffect(() => {
    const timer = setInterval(reload, 30_000);
    return () => clearInterval(timer);
  }, [reload]);
  const change = useChange();
  const [code, setCode] = useState('');
  const [counter, setCounter] = useState('');
  const [shownCounters, setShownCounters] = useState<number[]>([]);

  const pair = async (withCode: string, counterId: number | null, counterIds: number[]) => {
    const body = { code: withCode, ...(counterId !== null ? { counterId } : {}), ...(counterIds.length ? { counterIds } : {}) };
    const r = await change.run(() => fetchRoute(routes.adminDevicePair, { body }), null);
    if (r) {
      change.setOutcome({ ok: true, text: d('paired', { id: r.id }) });
      setCode('');
      setCounter('');
      setShownCounters([]);
    }
    reload();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void pair(code.replace(/\s/g, ''), counter ? Number(counter) : null, shownCounters);
  };
  const revoke = async (dev: AdminDeviceDto) => {
    if (!window.confirm(d('revokeConfirm', { id: dev.id }))) return;
    if ((await change.run(() => fetchRoute(routes.adminDeviceRevoke, { params: { id: dev.id } }), d('revoked', { id: dev.id }))) !== null) reload();
  };
  const counterNumber = (id: number | null) => (id === null ? '—' : String(counters?.find((c) => c.id === id)?.number ?? id));
  const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

  return (
    <section className="qms-card setup__section" aria-labelledby="devices-title">
      <div className="setup__head">
        <h2 id="devices-title">{lang === 'vi' ? 'Thiết bị' : 'Devices'}</h2>
      </div>
      <p className="qms-hint">{d('intro')}</p>
      {error && <p className="qms-error">{error}</p>}
      {canEdit && (
        <form className="setup__form setup__pair" onSubmit={submit} aria-label={d('pair')}>
          <Field label={d('codeLabel')} name="code" outcome={change.outcome}>
            <input name="code" inputMode="numeric" autoComplete="off" maxLength={7} placeholder="123 456" value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <Field label={d('counterLabel')} name="counterId" outcome={change.outcome}>
            <CounterPick counters={counters} value={counter} onChange={setCounter} empty={d('allCounters')} />
          </Field>
          <button type="submit" className="qms-btn qms-btn--primary" disabled={change.busy || code.replace(/\s/g, '').length !== 6}>
            {d('pair')}
          </button>
          <Field label={d('displayCounters')} name="counterIds" outcome={change.outcome}>
            <CounterChecks counters={counters} value={shownCounters} onChange={setShownCounters} />
          </Field>
        </form>
      )}
      <OutcomeLine outcome={change.outcome} />
      <h3>{d('waitingTitle')}</h3>
      {data && data.waiting.length === 0 && <p className="qms-hint">{d('noneWaiting')}</p>}
      {data && data.waiting.length > 0 && (
        <div className="setup__scroll">
          <table className="qms-table setup__table" data-list="waiting">
            <thead>
              <tr>
                <th>{d('kind')}</th>
                <th>{d('code')}</th>
                <th>{d('from')}</th>
                <th>{d('since')}</th>
                {canEdit && <th>{d('counter')}</th>}
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {data.waiting.map((w) => (
                <WaitingRow key={w.id} w={w} canEdit={canEdit} busy={change.busy} counters={counters} d={d} time={time} onPair={(counterId, counterIds) => void pair(w.code, counterId, counterIds)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{d('pairedTitle')}</h3>
      {!data && !error && <p className="qms-hint">…</p>}
      {data && (
        <div className="setup__scroll">
          <table className="qms-table setup__table" data-list="devices">
            <thead>
              <tr>
                <th>ID</th>
                <th>{d('kind')}</th>
                <th>{d('counter')}</th>
                <th>{d('state')}</th>
                <th>{d('source')}</th>
                <th>{d('pairedAt')}</th>
                <th>{d('lastSeen')}</th>
                {canEdit && <th />}
              </tr>
            </thead>
            <tbody>
              {data.devices.map((dev) => (
                <tr key={dev.id} data-device={dev.id}>
                  <td className="setup__mono">{dev.id}</td>
                  <td>{d(`kind.${dev.kind}`)}</td>
                  <td>{dev.kind === 'display' ? (dev.counterIds ? dev.counterIds.map(counterNumber).join(', ') : d('everyCounter')) : counterNumber(dev.counterId)}</td>
                  <td>
                    <span className={`qms-status ${dev.connected ? 'qms-status--open' : 'qms-status--closed'}`}>{dev.connected ? d('online') : d('offline')}</span>
                  </td>
                  <td>{dev.source === 'config' ? d('fromConfig') : d('fromPairing')}</td>
                  <td>{time(dev.pairedAt)}</td>
                  <td>{time(dev.lastSeen)}</td>
                  {canEdit && (
                    <td>
                      <button type="button" className="qms-btn qms-btn--small" disabled={change.busy} onClick={() => void revoke(dev)}>
                        {d('revoke')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type Words = (key: keyof typeof words, params?: Record<string, string | number>) => string;

function WaitingRow(props: { w: WaitingDeviceDto; canEdit: boolean; busy: boolean; counters: AdminCounterDto[] | null; d: Words; time: (iso: string) => string; onPair: (counterId: number | null, counterIds: number[]) => void }) {
  const { w, canEdit, busy, counters, d, time, onPair } = props;
  const [counter, setCounter] = useState(w.counterId === null ? '' : String(w.counterId));
  const [shown, setShown] = useState<number[]>([]);
  return (
    <tr data-waiting={w.code}>
      <td>{d(`kind.${w.kind}`)}</td>
      <td className="setup__mono">{`${w.code.slice(0, 3)} ${w.code.slice(3)}`}</td>
      <td className="setup__mono" title={w.userAgent}>{w.address}</td>
      <td>{time(w.since)}</td>
      {canEdit && (
        <td>
          {w.kind === 'rating' ? (
            <CounterPick counters={counters} value={counter} onChange={setCounter} empty={d('chooseCounter')} />
          ) : w.kind === 'display' ? (
            <CounterChecks counters={counters} value={shown} onChange={setShown} />
          ) : (
            '—'
          )}
        </td>
      )}
      {canEdit && (
        <td>
          <button type="button" className="qms-btn qms-btn--small qms-btn--primary" disabled={busy || (w.kind === 'rating' && !counter)} onClick={() => onPair(counter ? Number(counter) : null, shown)}>
            {d('pair')}
          </button>
        </td>
      )}
    </tr>
  );
}

function CounterPick({ counters, value, onChange, empty }: { counters: AdminCounterDto[] | null; value: string; onChange: (v: string) => void; empty: string }) {
  return (
    <select name="counterId" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty}</option>
      {(counters ?? [])
        .filter((c) => c.enabled)
        .map((c) => (
          <option key={c.id} value={c.id}>
            {c.number} · {c.name}
          </option>
        ))}
    </select>
  );
}

/** Counters ticked for a hall display; none ticked: every counter. */
function CounterChecks({ counters, value, onChange }: { counters: AdminCounterDto[] | null; value: number[]; onChange: (v: number[]) => void }) {
  return (
    <span className="setup__checks">
      {(counters ?? [])
        .filter((c) => c.enabled)
        .map((c) => (
          <label key={c.id} className="setup__check">
            <input type="checkbox" checked={value.includes(c.id)} onChange={(e) => onChange(e.target.checked ? [...value, c.id] : value.filter((x) => x !== c.id))} />
            {c.number}
          </label>
        ))}
    </span>
  );
}
