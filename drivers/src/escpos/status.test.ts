import { describe, expect, it } from 'vitest';
import { applyStatusByte, faultOf, healthyStatus } from './status';

describe('DLE EOT answers folded together', () => {
  it('paper out from DLE EOT 2 stays out when DLE EOT 4 does not report the roll sensor', () => {
    // Printers without a roll-end sensor (or with it switched off) answer DLE EOT 4 with bits 5 and 6 clear
    // while DLE EOT 2 says printing stopped at the paper end.
    let s = applyStatusByte(healthyStatus, 2, 0x32);
    s = applyStatusByte(s, 3, 0x12);
    s = applyStatusByte(s, 4, 0x12);
    expect(s.paperOut).toBe(true);
    expect(faultOf(s)).toBe('paper_out');
  });

  it('either answer alone is enough, and neither means paper in', () => {
    expect(applyStatusByte(applyStatusByte(healthyStatus, 2, 0x12), 4, 0x72).paperOut).toBe(true);
    expect(applyStatusByte(applyStatusByte(healthyStatus, 2, 0x12), 4, 0x1e)).toMatchObject({ paperOut: false, paperNearEnd: true });
  });
});
