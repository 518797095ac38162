import { describe, expect, it } from 'vitest';
import { loadConfig, demoConfigPath } from './load';
import { CenterConfig } from './schema';

const demo = () => loadConfig(demoConfigPath);
const withPrefixes = (...prefixes: string[]) => {
  const c = demo();
  return CenterConfig.safeParse({ ...c, services: c.services.map((s, i) => ({ ...s, prefix: prefixes[i] ?? `Z${i}` })) });
};

describe('center config', () => {
  it('targets 90 % for land, construction and investment and 95 % for other fields unless the config says otherwise', () => {
    const c = demo();
    const target = (name: string) => c.services.find((s) => s.name === name)?.satisfactionTarget;
    expect([target('Đất đai'), target('Xây dựng'), target('Hộ tịch'), target('Chứng thực')]).toEqual([0.9, 0.9, 0.95, 0.95]);
    const invest = CenterConfig.parse({ ...c, services: c.services.map((s, i) => (i === 1 ? { ...s, name: 'Kế hoạch – Đầu tư', satisfactionTarget: undefined } : s)) });
    expect(invest.services[1]!.satisfactionTarget).toBe(0.9);
    const own = CenterConfig.parse({ ...c, services: [{ ...c.services[0]!, satisfactionTarget: 0.97 }, ...c.services.slice(1)] });
    expect(own.services[0]!.satisfactionTarget).toBe(0.97);
  });

  it('refuses prefixes whose ticket numbers could collide', () => {
    expect(withPrefixes('1', '2', 'A', 'B1').success).toBe(true);
    for (const clash of [['1', '10'], ['1', '1'], ['', '7'], ['A', 'A2']]) {
      const result = withPrefixes(...clash);
      expect(result.success, clash.join(' / ')).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/could collide/);
    }
    expect(withPrefixes('', 'A').success).toBe(true);
    expect(withPrefixes('A', 'AB').success).toBe(true);
  });

  it('backs up at midday and after closing, keeps 14 days, no second folder, unless the config says otherwise', () => {
    expect(demo().backups).toEqual({ times: ['12:00', '17:30'], keepDays: 14, secondDir: null });
    const own = CenterConfig.parse({ ...demo(), backups: { times: ['11:45'], secondDir: '/mnt/usb/qms' } });
    expect(own.backups).toEqual({ times: ['11:45'], keepDays: 14, secondDir: '/mnt/usb/qms' });
    expect(CenterConfig.safeParse({ ...demo(), backups: { times: ['25:00'] } }).success).toBe(false);
    expect(CenterConfig.safeParse({ ...demo(), backups: { keepDays: 0 } }).success).toBe(false);
  });
});
