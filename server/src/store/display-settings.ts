import { DisplaySettings, defaultDisplaySettings } from '@qms/protocol';
import type { Db } from './open';

/** The one row of hall display settings; defaults until the manager saves some. */
export function displaySettingsQueries(db: Db) {
  const read = db.prepare<[], { settings: string }>(`SELECT settings FROM display_settings WHERE id = 1`);
  const write = db.prepare<[string, string, number | null]>(
    `INSERT INTO display_settings (id, settings, updated_at, updated_by) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  return {
    get(): DisplaySettings {
      const row = read.get();
      // Stored by an older version with fewer fields: the new ones take their defaults.
      const parsed = row ? DisplaySettings.safeParse({ ...defaultDisplaySettings, ...(JSON.parse(row.settings) as object) }) : null;
      return parsed?.success ? parsed.data : defaultDisplaySettings;
    },
    save(settings: DisplaySettings, at: string, userId: number | null) {
      write.run(JSON.stringify(settings), at, userId);
    },
  };
}
export type DisplaySettingsQueries = ReturnType<typeof displaySettingsQueries>;
