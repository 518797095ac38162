import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteDurableCommit, noteLazyCommit, syncLazyCommits } from './lazy-commits';
import { openDb } from './open';

describe('commits without their own fsync', () => {
  it('are followed by one fsync’d write before data leaves (the hub push), and only when there was one', () => {
    const db = openDb(join(mkdtempSync(join(tmpdir(), 'qms-lazy-')), 'qms.sqlite'));
    const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
    expect(syncLazyCommits(db)).toBe(false);
    noteLazyCommit(db);
    const before = changes();
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(syncLazyCommits(db)).toBe(true);
    expect(changes()).toBe(before + 1); // a real write, so its commit syncs the WAL
    expect(syncLazyCommits(db)).toBe(false);
    noteLazyCommit(db);
    noteDurableCommit(db); // a later fsync'd commit took it to the disk already
    expect(syncLazyCommits(db)).toBe(false);
    db.close();
  });
});
