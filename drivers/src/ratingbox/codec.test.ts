import { describe, expect, it } from 'vitest';
import { decodeBoxStream, encodeBoxAck, encodeBoxFrame, encodeBoxHello, encodeBoxMode, encodeBoxPress } from './codec';

const hex = (b: Buffer) => b.toString('hex').match(/../g)!.join(' ');

describe('rating box codec', () => {
  it('encodes each frame to the documented bytes', () => {
    expect(hex(encodeBoxHello(4, 1, 0))).toBe('02 48 03 04 01 00 4e 03');
    expect(hex(encodeBoxPress(2, 7))).toBe('02 4b 02 02 07 4c 03');
    expect(hex(encodeBoxAck(7))).toBe('02 41 01 07 47 03');
    expect(hex(encodeBoxMode('ask'))).toBe('02 4d 01 01 4d 03');
    expect(hex(encodeBoxMode('thanks'))).toBe('02 4d 01 02 4e 03');
    expect(hex(encodeBoxFrame(0x48))).toBe('02 48 00 48 03');
  });

  it('wraps the press sequence at 256 and refuses oversize or non-byte data', () => {
    expect(hex(encodeBoxPress(1, 256))).toBe('02 4b 02 01 00 48 03');
    expect(() => encodeBoxFrame(0x4b, new Array(17).fill(0))).toThrow(RangeError);
    expect(() => encodeBoxFrame(0x4b, [300])).toThrow(RangeError);
  });

  it('decodes known bytes from a box', () => {
    const bytes = Buffer.from([0x02, 0x48, 0x03, 0x05, 0x02, 0x01, 0x4d, 0x03, 0x02, 0x4b, 0x02, 0x05, 0x10, 0x5c, 0x03]);
    expect(decodeBoxStream(bytes)).toEqual({
      messages: [
        { kind: 'hello', buttons: 5, firmware: '2.1' },
        { kind: 'press', button: 5, seq: 16 },
      ],
      rest: Buffer.alloc(0),
      dropped: 0,
    });
  });

  it('keeps an incomplete frame for the next chunk', () => {
    const frame = encodeBoxPress(3, 9);
    const first = decodeBoxStream(frame.subarray(0, 4));
    expect(first.messages).toEqual([]);
    expect(hex(first.rest)).toBe('02 4b 02 03');
    const second = decodeBoxStream(Buffer.concat([first.rest, frame.subarray(4)]));
    expect(second.messages).toEqual([{ kind: 'press', button: 3, seq: 9 }]);
    expect(second.rest.length).toBe(0);
  });

  it('skips noise and frames with a bad checksum, then resyncs on the next start byte', () => {
    const corrupt = Buffer.from([0x02, 0x4b, 0x02, 0x02, 0x07, 0x4d, 0x03]); // checksum should be 4c
    const out = decodeBoxStream(Buffer.concat([Buffer.from([0xff, 0x00]), corrupt, encodeBoxPress(1, 8)]));
    expect(out.messages).toEqual([{ kind: 'press', button: 1, seq: 8 }]);
    expect(out.dropped).toBeGreaterThanOrEqual(3);
  });

  it('ignores well-formed frames it does not know and presses of a button that cannot exist', () => {
    const unknown = encodeBoxFrame(0x5a, [1, 2]);
    const button9 = encodeBoxFrame(0x4b, [9, 1]);
    expect(decodeBoxStream(Buffer.concat([unknown, button9, encodeBoxAck(3)])).messages).toEqual([{ kind: 'ack', seq: 3 }]);
  });
});
