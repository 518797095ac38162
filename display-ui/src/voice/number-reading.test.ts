import { describe, expect, it } from 'vitest';
import { defaultReading, readDigits, readTicketNumber, readWhole, type ReadingOptions } from './number-reading';

const say = (n: number, o: Partial<ReadingOptions> = {}) => readWhole(n, { ...defaultReading, ...o }).join(' ');

describe('reading numbers whole, in Vietnamese', () => {
  it('units and zero', () => {
    expect(say(0)).toBe('không');
    expect(say(1)).toBe('một');
    expect(say(4)).toBe('bốn');
    expect(say(5)).toBe('năm');
    expect(say(9)).toBe('chín');
  });

  it('mười for 10–19, mươi from 20', () => {
    expect(say(10)).toBe('mười');
    expect(say(11)).toBe('mười một');
    expect(say(19)).toBe('mười chín');
    expect(say(20)).toBe('hai mươi');
    expect(say(90)).toBe('chín mươi');
  });

  it('mốt after mươi, but một after mười and linh', () => {
    expect(say(21)).toBe('hai mươi mốt');
    expect(say(91)).toBe('chín mươi mốt');
    expect(say(11)).toBe('mười một');
    expect(say(101)).toBe('một trăm linh một');
  });

  it('lăm after mười/mươi, năm alone and after linh', () => {
    expect(say(15)).toBe('mười lăm');
    expect(say(25)).toBe('hai mươi lăm');
    expect(say(5)).toBe('năm');
    expect(say(105)).toBe('một trăm linh năm');
    expect(say(500)).toBe('năm trăm');
  });

  it('tư after mươi, bốn after mười and linh', () => {
    expect(say(24)).toBe('hai mươi tư');
    expect(say(124)).toBe('một trăm hai mươi tư');
    expect(say(14)).toBe('mười bốn');
    expect(say(104)).toBe('một trăm linh bốn');
    expect(say(40)).toBe('bốn mươi');
  });

  it('linh or lẻ for a zero tens digit', () => {
    expect(say(103)).toBe('một trăm linh ba');
    expect(say(103, { zeroTens: 'lẻ' })).toBe('một trăm lẻ ba');
    expect(say(100)).toBe('một trăm');
    expect(say(110)).toBe('một trăm mười');
  });

  it('nghìn or ngàn, and không trăm inside a larger number', () => {
    expect(say(1003)).toBe('một nghìn không trăm linh ba');
    expect(say(1003, { thousand: 'ngàn', zeroTens: 'lẻ' })).toBe('một ngàn không trăm lẻ ba');
    expect(say(1000)).toBe('một nghìn');
    expect(say(1010)).toBe('một nghìn không trăm mười');
    expect(say(1023)).toBe('một nghìn không trăm hai mươi ba');
    expect(say(2001)).toBe('hai nghìn không trăm linh một');
    expect(say(1100)).toBe('một nghìn một trăm');
    expect(say(21_345)).toBe('hai mươi mốt nghìn ba trăm bốn mươi lăm');
    expect(say(999_999)).toBe('chín trăm chín mươi chín nghìn chín trăm chín mươi chín');
  });

  it('triệu, skipping empty groups', () => {
    expect(say(1_000_000)).toBe('một triệu');
    expect(say(1_000_005)).toBe('một triệu không trăm linh năm');
    expect(say(2_015_000)).toBe('hai triệu không trăm mười lăm nghìn');
  });

  it('refuses what it cannot read', () => {
    expect(() => readWhole(-1)).toThrow(RangeError);
    expect(() => readWhole(1.5)).toThrow(RangeError);
  });
});

describe('reading digit by digit and ticket numbers', () => {
  it('reads each digit, zeros included', () => {
    expect(readDigits('1003').join(' ')).toBe('một không không ba');
    expect(readDigits('45').join(' ')).toBe('bốn năm');
  });

  it('spells letters of a prefix by their Vietnamese names', () => {
    expect(readTicketNumber('A015').join(' ')).toBe('a mười lăm');
    expect(readTicketNumber('B024', { ...defaultReading, mode: 'digits' }).join(' ')).toBe('bê không hai bốn');
  });

  it('follows the reading mode', () => {
    expect(readTicketNumber('1023').join(' ')).toBe('một nghìn không trăm hai mươi ba');
    expect(readTicketNumber('1023', { ...defaultReading, mode: 'digits' }).join(' ')).toBe('một không hai ba');
  });

  it('reads a very long number digit by digit rather than fail', () => {
    expect(readTicketNumber('1234567890123')).toHaveLength(13);
  });
});
