import { describe, expect, it } from 'vitest';
import { blankBitmap, packRows, unpackRows } from './bitmap';
import { decodeEscPos } from './decoder';
import { cut, feedDots, initialize, justify, qrCode, rasterImage, statusRequest } from './commands';
import { applyStatusByte, faultOf, healthyStatus, statusByte } from './status';

const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim();

describe('ESC/POS command bytes', () => {
  it('initialise, justify, feed, cut and status requests', () => {
    expect(hex(initialize())).toBe('1b 40');
    expect(hex(justify('center'))).toBe('1b 61 01');
    expect(hex(justify('left'))).toBe('1b 61 00');
    expect(hex(feedDots(12))).toBe('1b 4a 0c');
    expect(hex(feedDots(300))).toBe('1b 4a ff 1b 4a 2d');
    expect(hex(feedDots(0))).toBe('');
    expect(hex(cut())).toBe('1d 56 41 30');
    expect(hex(cut({ partial: true, feed: 0 }))).toBe('1d 56 42 00');
    expect(hex(statusRequest(4))).toBe('10 04 04');
  });

  it('QR code: model 2, module size, error correction, store, print', () => {
    expect(hex(qrCode('AB', { moduleSize: 6, ecc: 'M' }))).toBe(
      [
        '1d 28 6b 04 00 31 41 32 00', // model 2
        '1d 28 6b 03 00 31 43 06', // module 6 dots
        '1d 28 6b 03 00 31 45 31', // level M
        '1d 28 6b 05 00 31 50 30 41 42', // store "AB": pL = 2 + 3
        '1d 28 6b 03 00 31 51 30', // print
      ].join(' '),
    );
    expect(() => qrCode('')).toThrow(RangeError);
    const long = qrCode('x'.repeat(300));
    expect([...long.subarray(25, 30)]).toEqual([0x1d, 0x28, 0x6b, 303 & 0xff, 303 >> 8]);
  });

  it('raster: GS v 0 header, MSB-first rows, bands of at most bandRows', () => {
    const b = blankBitmap(10, 3);
    b.dots[0] = 1; // (0,0)
    b.dots[9] = 1; // (9,0)
    b.dots[10 + 7] = 1; // (7,1)
    b.dots[20 + 8] = 1; // (8,2)
    expect(hex(rasterImage(b))).toBe('1d 76 30 00 02 00 03 00 80 40 01 00 00 80');
    expect(hex(rasterImage(b, 2))).toBe('1d 76 30 00 02 00 02 00 80 40 01 00 1d 76 30 00 02 00 01 00 00 80');
    expect(rasterImage(blankBitmap(8, 0)).length).toBe(0);
  });

  it('packs and unpacks rows losslessly', () => {
    const b = blankBitmap(13, 5);
    for (let i = 0; i < b.dots.length; i += 3) b.dots[i] = 1;
    const { bytesPerRow, data } = packRows(b);
    const back = unpackRows(data, bytesPerRow, 5);
    for (let y = 0; y < 5; y++) for (let x = 0; x < 13; x++) expect(back.dots[y * 16 + x]).toBe(b.dots[y * 13 + x]);
  });

  it("a decoded raster's image, unpacked when first looked at, is the one sent even if the bytes were reused meanwhile", () => {
    const b = blankBitmap(16, 2);
    b.dots[3] = 1;
    b.dots[16 + 12] = 1;
    const bytes = rasterImage(b);
    const [command] = decodeEscPos(bytes);
    bytes.fill(0xff); // a stream buffer written again
    expect(command).toMatchObject({ op: 'raster', at: 0, bytesPerRow: 2 });
    expect(command?.op === 'raster' && [...command.bitmap.dots]).toEqual([...b.dots]);
  });
});

describe('DLE EOT status', () => {
  it('reads the bytes a printer sends', () => {
    let s = applyStatusByte(healthyStatus, 1, 0x16); // 0001 0110: bit 2 drawer, online
    expect(s.online).toBe(true);
    s = applyStatusByte(s, 1, 0x1e); // bit 3: offline
    expect(s.online).toBe(false);
    expect(applyStatusByte(healthyStatus, 2, 0x16).coverOpen).toBe(true);
    expect(applyStatusByte(healthyStatus, 2, 0x32).paperOut).toBe(true);
    expect(applyStatusByte(healthyStatus, 3, 0x1a).cutterError).toBe(true);
    expect(applyStatusByte(healthyStatus, 4, 0x1e)).toMatchObject({ paperNearEnd: true, paperOut: false });
    expect(applyStatusByte(healthyStatus, 4, 0x72)).toMatchObject({ paperOut: true });
    expect(() => applyStatusByte(healthyStatus, 1, 0x00)).toThrow(/not a DLE EOT 1 answer/);
  });

  it('the simulator answers what the reader reads back', () => {
    const states = [
      healthyStatus,
      { ...healthyStatus, paperOut: true },
      { ...healthyStatus, coverOpen: true },
      { ...healthyStatus, paperNearEnd: true },
      { ...healthyStatus, online: false },
      { ...healthyStatus, cutterError: true },
    ];
    for (const st of states) {
      let read = healthyStatus;
      for (const n of [1, 2, 3, 4] as const) read = applyStatusByte(read, n, statusByte(n, st));
      expect(faultOf(read)).toBe(faultOf(st));
      expect(read.paperNearEnd).toBe(st.paperNearEnd || st.paperOut);
    }
    expect(statusByte(1, healthyStatus)).toBe(0x12);
    expect(statusByte(4, { ...healthyStatus, paperOut: true })).toBe(0x7e);
  });
});
