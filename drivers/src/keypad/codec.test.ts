import { describe, expect, it } from 'vitest';
import {
  Command,
  crc8,
  decodeFrames,
  displayFrame,
  displayText,
  encodeFrame,
  keyReplyFrame,
  parseDisplay,
  parseKeyReply,
  pollFrame,
} from './codec';

const hex = (b: Buffer) => b.toString('hex');

describe('keypad codec', () => {
  it('CRC-8 matches the published check value and hand-worked bytes', () => {
    expect(crc8(Buffer.from('123456789'))).toBe(0xf4);
    expect(crc8(Buffer.from([0x01]))).toBe(0x07);
    expect(crc8(Buffer.from([0x80]))).toBe(0x89);
    expect(crc8(Buffer.alloc(0))).toBe(0x00);
  });

  it('encodes a poll, a display and a key reply to known bytes', () => {
    // By the CRC-8 table: T[03]=09, T[09^01]=38, T[38^01]=af, T[af^00]=T[80]^T[2f]=89^cd=44.
    expect(hex(pollFrame(3, 0))).toBe('a50301010044');
    // "2001": 32 30 30 31, flags 0
    const d = displayFrame(12, '2001');
    expect(hex(d.subarray(0, 9))).toBe('a50c02050032303031');
    expect(d.length).toBe(10);
    expect(d[9]).toBe(crc8(d.subarray(1, 9)));
    expect(hex(keyReplyFrame(7, { seq: 5, key: 'recall' }).subarray(0, 6))).toBe('a50781020502');
    // T[07]=15, T[15^81]=T[94]=T[80]^T[14]=89^6c=e5, T[e5^00]=T[80]^T[40]^T[25]=89^c7^fb=b5.
    expect(hex(keyReplyFrame(7, null))).toBe('a5078100b5');
    expect(hex(displayFrame(12, '2001'))).toBe('a50c02050032303031ea');
    expect(hex(keyReplyFrame(7, { seq: 5, key: 'recall' }))).toBe('a5078102050297');
  });

  it('decodes what it encodes, across split chunks, noise and a corrupted frame', () => {
    const a = pollFrame(1, 9);
    const b = keyReplyFrame(2, { seq: 200, key: 'finish' });
    const bad = Buffer.from(displayFrame(4, '123'));
    bad[6] = bad[6]! ^ 0xff;
    const stream = Buffer.concat([Buffer.from([0x00, 0xff, 0x13]), a, bad, b]);
    const whole = decodeFrames(stream);
    expect(whole.frames.map((f) => [f.address, f.command, hex(f.data)])).toEqual([
      [1, Command.poll, '09'],
      [2, 0x81, 'c804'],
    ]);
    expect(whole.rest.length).toBe(0);
    expect(whole.dropped).toBe(3 + bad.length);

    const first = decodeFrames(stream.subarray(0, 10));
    expect(first.frames).toHaveLength(1);
    const second = decodeFrames(Buffer.concat([first.rest, stream.subarray(10)]));
    expect(second.frames.map((f) => f.address)).toEqual([2]);
  });

  it('reads key presses and display text', () => {
    const [press] = decodeFrames(keyReplyFrame(9, { seq: 3, key: 'noShow' })).frames;
    expect(parseKeyReply(press!)).toEqual({ seq: 3, key: 'noShow' });
    const unknown = encodeFrame({ address: 9, command: 0x81, data: Buffer.from([4, 0x3f]) });
    expect(parseKeyReply(decodeFrames(unknown).frames[0]!)).toEqual({ seq: 4, key: null, code: 0x3f });
    expect(parseKeyReply(decodeFrames(keyReplyFrame(9, null)).frames[0]!)).toBeNull();
    expect(parseDisplay(decodeFrames(displayFrame(9, '1003', true)).frames[0]!)).toEqual({ text: '1003', blink: true });
  });

  it('carries the start key (code 05) to known bytes and back', () => {
    const frame = keyReplyFrame(7, { seq: 6, key: 'start' });
    expect(hex(frame)).toBe('a50781020605bd');
    expect(parseKeyReply(decodeFrames(frame).frames[0]!)).toEqual({ seq: 6, key: 'start' });
  });

  it('keeps display text to what seven segments can show', () => {
    expect(displayText('đợi 12')).toBe('DOI 12');
    expect(displayText('A-1234567')).toBe('234567');
    expect(displayText('x?!')).toBe('X');
  });

  it('refuses addresses and data the format cannot carry', () => {
    expect(() => pollFrame(0, 0)).toThrow(/address 0/);
    expect(() => pollFrame(248, 0)).toThrow(/address 248/);
    expect(() => encodeFrame({ address: 1, command: 1, data: Buffer.alloc(33) })).toThrow(/at most 32/);
  });
});
