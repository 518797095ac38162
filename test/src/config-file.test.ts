import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CenterConfig, demoConfigPath, loadConfig } from '@qms/server';
import { client, startTestServer } from './support/server';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qms-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demoJson = () => JSON.parse(readFileSync(demoConfigPath, 'utf8')) as Record<string, any>;
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('the center config file', () => {
  it('refuses an unknown key anywhere (a typo), naming its path, Vietnamese first', () => {
    const c = demoJson();
    c.center.hotlin = c.center.hotline;
    c.services[0].dailyCapp = 10;
    c.hardware.printers[0].layout = { titel: 'SỐ' };
    c.hardware.ledBoards[0].profile = { digitz: 4 };
    c.rating = { askSecond: 30 };
    c.reports = { targetWait: 10 };
    c.defaultHours = { workingDays: [1], windows: [{ from: '07:30', to: '11:30', note: 'x' }] };
    const path = file('typos.json', c);
    let message = '';
    try {
      loadConfig(path);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')[0]).toBe(`Tệp cấu hình trung tâm ${path} không hợp lệ / The center config ${path} is not valid:`);
    for (const at of ['center.hotlin', 'services.0.dailyCapp', 'hardware.printers.0.layout.titel', 'hardware.ledBoards.0.profile.digitz', 'rating.askSecond', 'reports.targetWait', 'defaultHours.windows.0.note'])
      expect(message).toContain(`  - ${at}: trường không có trong cấu hình (gõ sai tên?) / unknown key (a typo?)`);
  });

  it('says what is wrong in Vietnamese, then English, with the path', () => {
    const c = demoJson();
    c.center.nameEn = 5;
    c.services[1].id = 'Hộ Tịch';
    const message = (() => {
      try {
        loadConfig(file('wrong.json', c));
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain('  - center.nameEn: phải là chữ / Invalid input: expected string, received number');
    expect(message).toContain('  - services.1.id: chỉ dùng chữ thường không dấu, chữ số, - hoặc _ / lowercase letters, digits, - or _');
  });

  it('a bad file stops the server with the problems in plain words and no stack trace', () => {
    const c = demoJson();
    c.center.nameEn = 5;
    c.centre = {};
    const path = file('bad-start.json', c);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env: { ...process.env, QMS_CONFIG: path, QMS_DATA_DIR: join(dir, 'data'), PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Tệp cấu hình trung tâm ${path} không hợp lệ / The center config ${path} is not valid:`);
    expect(run.stderr).toContain('  - center.nameEn: phải là chữ');
    expect(run.stderr).toContain('  - centre: trường không có trong cấu hình');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('Error:');
  }, 90_000);

  it('English names are optional: the Vietnamese name stands in', async () => {
    const c = demoJson();
    delete c.center.nameEn;
    for (const s of c.services) delete s.nameEn;
    const config = CenterConfig.parse(c);
    expect(config.services[0]!.nameEn).toBeUndefined();
    const server = await startTestServer({ config });
    try {
      const services = (await client(server.url).get('/api/services')).body as { name: string; nameEn: string }[];
      expect(services.length).toBeGreaterThan(0);
      for (const s of services) expect(s.nameEn).toBe(s.name);
    } finally {
      await server.stop();
    }
  });
});
