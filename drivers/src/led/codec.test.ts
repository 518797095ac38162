import { describe, expect, it } from 'vitest';
import { boardText, decodeFrames, defaultLedProfile, encodeAck, encodeBrightness, encodeClear, encodeShow, type LedProfile } from './codec';

const hex = (b: Buffer) => b.toString('hex').match(/../g)!.join(' ');

describe('LED board frames', () => {
  it('show, default profile: STX, address, command, length, text right-aligned, XOR, ETX', () => {
    expect(hex(encodeShow(3, '1023'))).toBe('02 03 31 04 31 30 32 33 36 03');
    expect(hex(encodeShow(3, '15'))).toBe('02 03 31 04 20 20 31 35 32 03');
  });

  it('ASCII address, 8-bit sum and a 3-digit board', () => {
    const p: LedProfile = { ...defaultLedProfile, address: 'ascii', checksum: 'sum', digits: 3 };
    expect(hex(encodeShow(7, '25', p))).toBe('02 30 37 31 03 20 32 35 22 03');
  });

  it('brightness, clear, ack; other start and end bytes without checksum', () => {
    expect(hex(encodeBrightness(1, 8))).toBe('02 01 32 01 08 3a 03');
    expect(hex(encodeAck(9))).toBe('02 09 06 00 0f 03');
    expect(hex(encodeClear(2, { ...defaultLedProfile, stx: 0xaa, etx: 0x55, checksum: 'none' }))).toBe('aa 02 33 00 55');
    expect(hex(encodeShow(4, '7', { ...defaultLedProfile, digits: 3 }, true))).toBe(hex(Buffer.from([2, 4, 0x34, 3, 0x20, 0x20, 0x37, 4 ^ 0x34 ^ 3 ^ 0x20 ^ 0x20 ^ 0x37, 3])));
  });

  it('fits the text to the board: keeps the end of a long number, letters in capitals, no diacritics', () => {
    expect(boardText('A1023')).toBe('1023');
    expect(boardText('b12')).toBe(' B12');
    expect(boardText('đ5')).toBe('  D5');
    expect(boardText('1#2')).toBe(' 1-2');
    expect(boardText('7', { ...defaultLedProfile, align: 'left', digits: 3 })).toBe('7  ');
  });

  it('refuses addresses and levels a board cannot have', () => {
    expect(() => encodeShow(0, '1')).toThrow(RangeError);
    expect(() => encodeShow(256, '1')).toThrow(RangeError);
    expect(() => encodeShow(100, '1', { ...defaultLedProfile, address: 'ascii' })).toThrow(RangeError);
    expect(() => encodeBrightness(1, 16)).toThrow(RangeError);
  });

  it('decodes a stream: noise skipped, bad checksum dropped, split frame kept for the next chunk', () => {
    const good = encodeShow(5, '2001');
    const bad = Buffer.from(encodeShow(6, '2002'));
    bad.writeUInt8(bad.readUInt8(bad.length - 2) ^ 0xff, bad.length - 2);
    const stream = Buffer.concat([Buffer.from([0xff, 0x00]), good, bad, encodeClear(7)]);
    const cut = stream.length - 3;
    const first = decodeFrames(stream.subarray(0, cut));
    expect(first.frames.map((f) => [f.address, f.command, f.data.toString('ascii')])).toEqual([[5, 0x31, '2001']]);
    expect(first.dropped).toBe(1);
    const second = decodeFrames(Buffer.concat([first.rest, stream.subarray(cut)]));
    expect(second.frames.map((f) => [f.address, f.command])).toEqual([[7, 0x33]]);
    expect(second.rest.length).toBe(0);
  });

  it('round-trips an ASCII-address frame', () => {
    const p: LedProfile = { ...defaultLedProfile, address: 'ascii', checksum: 'sum' };
    const [f] = decodeFrames(encodeShow(42, '305', p), p).frames;
    expect(f).toMatchObject({ address: 42, command: 0x31 });
    expect(f!.data.toString('ascii')).toBe(' 305');
  });
});
