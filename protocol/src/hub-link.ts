import { z } from 'zod';

// A center's link to the city hub, as its admin page sets and shows it (docs/hub.md). The key is a secret: it is sent
// once when set and never answered back (only its last four characters, to tell two keys apart).

const isoTime = z.string().describe('ISO-8601 time with the center offset');

export const HubSyncStateDto = z.object({
  /** Whether the push loop runs (a hub address and key are set). */
  running: z.boolean(),
  /** The last time the hub acknowledged a batch (since this start). */
  lastPushAt: isoTime.nullable(),
  /** Events of the log the hub has not acknowledged yet. */
  pendingEvents: z.number().int(),
  /** Failed tries in a row (0 when the last one worked). */
  failures: z.number().int(),
  /** The last failure since this start, in plain words. */
  lastError: z.object({ at: isoTime, message: z.string() }).nullable(),
});
export type HubSyncStateDto = z.infer<typeof HubSyncStateDto>;

export const HubLinkDto = z.object({
  /** Where the link comes from: the environment (`QMS_HUB_URL`, `QMS_HUB_KEY`: it wins, the page cannot change it), the admin page, or none. */
  source: z.enum(['environment', 'admin', 'none']),
  url: z.string().nullable(),
  /** `…` and the key's last four characters; never the key. */
  keyHint: z.string().nullable(),
  sync: HubSyncStateDto,
});
export type HubLinkDto = z.infer<typeof HubLinkDto>;

export const UpdateHubLinkBody = z.object({
  url: z
    .string()
    .trim()
    .max(300)
    .regex(/^https?:\/\/[^\s/?#]+(:\d+)?(\/[^\s?#]*)?$/, 'expected the hub address as http(s)://host[:port]'),
  key: z.string().trim().min(16).max(200).regex(/^\S+$/, 'a key has no spaces'),
});
export type UpdateHubLinkBody = z.infer<typeof UpdateHubLinkBody>;
