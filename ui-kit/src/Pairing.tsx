import { useEffect, useState, type ReactNode } from 'react';
import { routes, type PairedDevice, type PairingKind } from '@qms/protocol';
import { ApiError, fetchRoute } from './api';
import { readStored, writeStored } from './storage';
import { setToken, useToken } from './token';

const PENDING_KEY = 'qms.pairing';
const DEVICE_KEY = 'qms.device';
/** How often a waiting screen asks whether it was paired (each ask also keeps its code alive). */
const WAIT_MS = 2000;

interface Pending {
  id: string;
  secret: string;
  code: string;
  center: { name: string; nameEn: string | null };
}

const readJson = <T,>(key: string): T | null => {
  try {
    const raw = readStored(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
};

/** What this screen was paired as (its counter, for a rating tablet), while it still has the token it got then. */
export function pairedDevice(token: string | null): PairedDevice | null {
  const stored = readJson<{ token: string; device: PairedDevice }>(DEVICE_KEY);
  return stored && token && stored.token === token ? stored.device : null;
}

/**
 * A kiosk, hall display or rating tablet without a token (or whose token was refused: the floor socket forgets it)
 * shows the pairing screen; once an admin enters its code, the token is stored and `children` take over.
 */
export function PairingGate({ kind, counterId = null, children }: { kind: PairingKind; counterId?: number | null; children: ReactNode }) {
  const token = useToken();
  return token ? <>{children}</> : <PairingScreen kind={kind} counterId={counterId} />;
}

export function PairingScreen({ kind, counterId }: { kind: PairingKind; counterId: number | null }) {
  const [pending, setPending] = useState<Pending | null>(() => readJson<Pending>(PENDING_KEY));
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current = readJson<Pending>(PENDING_KEY);
    const remember = (p: Pending | null) => {
      current = p;
      writeStored(PENDING_KEY, p ? JSON.stringify(p) : null);
      setPending(p);
    };
    const step = async () => {
      try {
        if (!current) {
          const r = await fetchRoute(routes.pairingStart, { body: { kind, counterId } });
          if (stopped) return;
          remember({ id: r.id, secret: r.secret, code: r.code, center: r.center });
        } else {
          const r = await fetchRoute(routes.pairingWait, { body: { id: current.id, secret: current.secret } });
          if (stopped) return;
          if (r.status === 'paired') {
            remember(null);
            writeStored(DEVICE_KEY, JSON.stringify({ token: r.token, device: r.device }));
            setToken(r.token);
            return;
          }
        }
        setOffline(false);
      } catch (e) {
        // The code ran out (or the server restarted): ask for a new one. Anything else: the server is not reachable.
        if (e instanceof ApiError && e.code === 'pairing_expired') remember(null);
        else setOffline(true);
      }
      if (!stopped) timer = setTimeout(() => void step(), WAIT_MS);
    };
    void step();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [kind, counterId]);

  const code = pending?.code ?? '';
  return (
    <main className="qms-pairing" data-testid="pairing-screen">
      {pending && (
        <header className="qms-pairing__center">
          <div>{pending.center.name}</div>
          {pending.center.nameEn && <div className="qms-pairing__en">{pending.center.nameEn}</div>}
        </header>
      )}
      <h1 className="qms-pairing__title">
        Ghép nối {kindVi(kind, counterId)}
        <span className="qms-pairing__en">Pair this {kindEn(kind, counterId)}</span>
      </h1>
      <div className="qms-pairing__code" aria-label={`Mã ghép nối ${code}`} data-code={code}>
        {code ? `${code.slice(0, 3)} ${code.slice(3)}` : '··· ···'}
      </div>
      <p className="qms-pairing__how">
        Nhập mã này trên trang quản trị, mục <b>Thiết lập › Thiết bị</b>.
        <span className="qms-pairing__en">Enter this code on the admin page, under Setup › Devices.</span>
      </p>
      <p className="qms-pairing__note">
        Mã có hiệu lực khi màn hình này còn mở; sau khi ghép nối, màn hình tự chuyển sang làm việc.
        <span className="qms-pairing__en">The code stays valid while this screen is open; once paired, the screen starts by itself.</span>
      </p>
      {offline && (
        <p className="qms-pairing__offline" role="status">
          Không kết nối được máy chủ, đang thử lại…
          <span className="qms-pairing__en">Cannot reach the server, trying again…</span>
        </p>
      )}
    </main>
  );
}

const kindVi = (kind: PairingKind, counterId: number | null) =>
  kind === 'kiosk' ? 'máy lấy số' : kind === 'display' ? 'màn hình hiển thị' : counterId ? `máy đánh giá quầy ${counterId}` : 'máy đánh giá';
const kindEn = (kind: PairingKind, counterId: number | null) =>
  kind === 'kiosk' ? 'ticket kiosk' : kind === 'display' ? 'hall display' : counterId ? `rating tablet (counter ${counterId})` : 'rating tablet';
