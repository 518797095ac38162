import { maxPushBatch, type HubHeartbeat, type HubPushReply } from '@qms/protocol/hub';
import type { Logger } from '../log';
import type { Db } from '../store/open';
import { hubSyncQueries } from '../store/hub-sync';
import { syncLazyCommits } from '../store/lazy-commits';

export interface HubSyncOptions {
  db: Db;
  /** The hub's base URL (QMS_HUB_URL) and this center's key (QMS_HUB_KEY). */
  url: string;
  key: string;
  now: () => number;
  log: Logger;
  timeZone: string;
  centerName: () => string;
  version: string;
  /** Events per request; at most the hub's limit. */
  batchSize?: number;
  /** Pause between two full batches while catching up: the floor's own work runs in it. */
  catchUpPauseMs?: number;
  heartbeatMs?: number;
  /** How long one request may take before it is given up and retried. */
  requestTimeoutMs?: number;
  /** The longest wait between two tries while the hub is unreachable. */
  maxBackoffMs?: number;
  fetch?: typeof fetch;
}

/**
 * Pushes the event log to the city hub, in order, in batches, after the commits and off every request's path: the
 * floor never waits for it. One request at a time; a failure backs off (1 s, 2 s, … 60 s) and the same batch is sent
 * again (the hub stores each event once). The cursor moves only past what the hub acknowledged.
 */
export function startHubSync(opts: HubSyncOptions) {
  const q = hubSyncQueries(opts.db);
  const doFetch = opts.fetch ?? fetch;
  const batchSize = Math.min(opts.batchSize ?? 500, maxPushBatch);
  const pauseMs = opts.catchUpPauseMs ?? 20;
  const timeoutMs = opts.requestTimeoutMs ?? 30_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 60_000;
  const base = opts.url.replace(/\/+$/, '');
  let timer: NodeJS.Timeout | null = null;
  let busy = false;
  let stopped = false;
  let backoffMs = 0;
  let failures = 0;
  let dirty = false;
  let lastPushAt: number | null = null;
  let lastError: { at: number; message: string } | null = null;
  const controller = new AbortController();

  const post = (path: string, body: unknown) =>
    doFetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.key}` },
      body: JSON.stringify(body),
      signal: AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]),
    });

  function schedule(ms: number) {
    if (stopped || busy) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void pushOnce(), ms);
    timer.unref();
  }

  async function pushOnce() {
    timer = null;
    if (stopped || busy) return;
    busy = true;
    dirty = false;
    let next: number | null = null;
    try {
      const events = q.eventsAfter(q.pushedThrough(), batchSize);
      if (events.length > 0) {
        syncLazyCommits(opts.db); // a print outcome's commit is on the disk before the hub sees it
        const res = await post('/api/hub/events', { events });
        if (!res.ok) throw new Error(`hub answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
        const reply = (await res.json()) as HubPushReply;
        if (stopped) return;
        q.setPushedThrough(reply.through);
        lastPushAt = opts.now();
        if (reply.diverged > 0) opts.log.warn({ diverged: reply.diverged, through: reply.through }, 'Máy chủ thành phố giữ sự kiện khác cùng số (khôi phục từ bản sao cũ?) / the hub holds other events under these ids (restored from an old backup?)');
        if (failures > 0) opts.log.info({ after: failures }, 'Đã kết nối lại máy chủ thành phố / hub reachable again');
        failures = 0;
        backoffMs = 0;
        if (events.length === batchSize) next = pauseMs;
      }
    } catch (err) {
      if (stopped) return;
      failures++;
      lastError = { at: opts.now(), message: describeFailure(err) };
      backoffMs = Math.min(maxBackoffMs, backoffMs ? backoffMs * 2 : Math.min(1000, maxBackoffMs));
      if (failures === 1 || failures % 20 === 0) opts.log.warn({ err, failures, retryInMs: backoffMs }, 'Chưa gửi được sự kiện lên máy chủ thành phố / hub push failed');
      next = backoffMs;
    } finally {
      busy = false;
    }
    if (next === null && dirty) next = 200;
    if (next !== null) schedule(next);
  }

  async function heartbeat() {
    const pushed = q.pushedThrough();
    const hb: HubHeartbeat = {
      at: opts.now(),
      timezone: opts.timeZone,
      version: opts.version,
      centerName: opts.centerName(),
      services: q.services(),
      floor: q.liveFloor(opts.now(), Math.max(0, q.lastEventId() - pushed)),
    };
    try {
      const res = await post('/api/hub/heartbeat', hb);
      if (!res.ok) opts.log.debug({ status: res.status }, 'hub heartbeat refused');
    } catch (err) {
      opts.log.debug({ err }, 'hub heartbeat failed');
    }
  }

  const beat = setInterval(() => void heartbeat(), opts.heartbeatMs ?? 10_000);
  beat.unref();
  // New events are pushed soon after their commit; a periodic check catches anything a wake-up missed.
  const poll = setInterval(() => {
    if (!timer && !busy && backoffMs === 0) schedule(0);
  }, 5_000);
  poll.unref();
  void heartbeat();
  schedule(0);

  return {
    /** Called after a commit: pushes within a moment, unless a backoff is running. */
    kick() {
      if (busy) dirty = true;
      else if (!timer && backoffMs === 0) schedule(200);
    },
    /** The state, for health and tests. */
    state: () => ({ pushedThrough: q.pushedThrough(), lastEventId: q.lastEventId(), failures, busy, lastPushAt, lastError }),
    stop() {
      stopped = true;
      controller.abort();
      if (timer) clearTimeout(timer);
      clearInterval(beat);
      clearInterval(poll);
    },
  };
}
export type HubSync = ReturnType<typeof startHubSync>;

/** A failure in words an admin can act on (the hub's refusal, an unreachable address, a timeout). */
function describeFailure(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'Máy chủ thành phố không trả lời kịp / the hub did not answer in time';
  if (e.cause?.code) return `Không kết nối được máy chủ thành phố (${e.cause.code}) / cannot reach the hub (${e.cause.code})`;
  if (e.message?.startsWith('hub answered 401')) return 'Máy chủ thành phố không nhận khóa này (401) / the hub refused this key (401)';
  return (e.message ?? String(err)).slice(0, 300);
}
