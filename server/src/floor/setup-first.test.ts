import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FirstSetupBody, type FloorEvent } from '@qms/protocol';
import { blankConfig } from '../config/load';
import { openDb } from '../store/open';
import { effectiveConfig } from '../store/setup';
import { watchWrites } from './faults';
import { createFloor } from '.';

const body = FirstSetupBody.parse({
  center: { name: 'Trung tâm Phục vụ hành chính công xã Thử Nghiệm' },
  admin: { username: 'quantri', password: 'mot-mat-khau-dai' },
  fields: [
    { id: 'ho-tich', name: 'Hộ tịch', prefix: 'A' },
    { id: 'dat-dai', name: 'Đất đai', prefix: 'C' },
  ],
  counters: [{ number: 1, name: 'Quầy 1', fieldIds: ['ho-tich', 'dat-dai'], priority: true }],
  officers: [{ name: 'Cán bộ Một', username: 'canbo.mot', counter: 1 }],
});

describe('the first-run setup is all or nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qms-first-setup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a fault in the middle (after the fields, before the counters) leaves nothing, and the setup can then be done', () => {
    const raw = openDb(join(dir, 'qms.sqlite'));
    let armed = true;
    let failedAt = '';
    const db = watchWrites(raw, (sql) => {
      if (armed && /INSERT INTO counters/.test(sql)) {
        armed = false;
        failedAt = sql;
        throw new Error('injected fault');
      }
    });
    const floor = createFloor({ db, config: effectiveConfig(raw, blankConfig()), now: () => Date.parse('2026-03-16T02:00:00Z'), newId: randomUUID });
    const published: FloorEvent[] = [];
    floor.bus.on('event', (e) => published.push(e));
    const everything = () => {
      // A table WITHOUT ROWID (wr) is read in its key's order.
    const tables = raw.prepare(`SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name != 'sqlite_schema' ORDER BY name`).all() as { name: string; wr: number }[];
      return Object.fromEntries(tables.map(({ name, wr }) => [name, raw.prepare(`SELECT * FROM "${name}" ORDER BY ${wr ? 1 : 'rowid'}`).all()]));
    };
    const before = everything();
    const session = { tokenHash: 'a'.repeat(64), hours: 12 };
    expect(() => floor.setup.runFirstSetup({ body, session })).toThrow('injected fault');
    expect(failedAt).toMatch(/INSERT INTO counters/);
    expect(everything()).toEqual(before);
    expect(published).toEqual([]);
    expect(floor.setup.needed()).toBe(true);
    expect(floor.config.services).toEqual([]);

    const done = floor.setup.runFirstSetup({ body, session });
    expect(done.officers.map((o) => o.username)).toEqual(['canbo.mot']);
    expect(floor.setup.needed()).toBe(false);
    expect(floor.config.services.map((s) => s.id)).toEqual(['ho-tich', 'dat-dai']);
    expect(published.some((e) => e.type === 'setup.updated')).toBe(true);
    raw.close();
  });
});
