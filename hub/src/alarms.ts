import type { HubAlarm, HubLiveFloor } from '@qms/protocol/hub';

/** A center silent for longer than this in working hours raises the offline alarm. */
export const offlineAlarmMs = 15 * 60_000;
/** A wait longer than this at an online center raises the wait alarm (the figures' wait target, docs/figures.md). */
export const waitTargetSeconds = 15 * 60;

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The hours a one-stop center is expected to be reachable, in its own time zone: Monday–Friday 07:00–17:30 and
 * Saturday morning 07:00–11:30 (many centers open then). Outside them a silent center is no alarm.
 */
export function inWorkingHours(at: number, timeZone: string): boolean {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  } catch {
    return inWorkingHours(at, 'Asia/Ho_Chi_Minh');
  }
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const day = weekdays.indexOf(get('weekday'));
  const minute = Number(get('hour')) * 60 + Number(get('minute'));
  if (day >= 1 && day <= 5) return minute >= 7 * 60 && minute < 17 * 60 + 30;
  if (day === 6) return minute >= 7 * 60 && minute < 11 * 60 + 30;
  return false;
}

export interface AlarmInput {
  lastContactAt: Date | null;
  online: boolean;
  live: HubLiveFloor | null;
  timezone: string | null;
}

/** The alarms of one center at `now`. */
export function centerAlarms(c: AlarmInput, now: number): HubAlarm[] {
  const alarms: HubAlarm[] = [];
  const silentFor = c.lastContactAt ? now - c.lastContactAt.getTime() : null;
  if ((silentFor === null || silentFor > offlineAlarmMs) && inWorkingHours(now, c.timezone ?? 'Asia/Ho_Chi_Minh')) {
    alarms.push({ kind: 'offline', since: c.lastContactAt?.toISOString() ?? null, minutes: silentFor === null ? null : Math.floor(silentFor / 60_000) });
  }
  const longest = c.live?.longestWaitSeconds ?? null;
  if (c.online && longest !== null && longest > waitTargetSeconds) alarms.push({ kind: 'wait', longestWaitSeconds: longest, targetSeconds: waitTargetSeconds });
  return alarms;
}
