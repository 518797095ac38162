import type { ZodError } from 'zod';
import { issueText } from '../http/errors';

type Issue = ZodError['issues'][number];

/** The config's own rules (`superRefine`, regex hints) in Vietnamese, by the start of their English words. */
const customVi: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^duplicate service id: (.*)$/, (m) => `hai lĩnh vực trùng mã: ${m[1]}`],
  [/^two services' ticket numbers could collide .*?: (.*)$/, (m) => `số thứ tự của hai lĩnh vực có thể trùng nhau (tiền tố này là tiền tố kia thêm chữ số): ${m[1]}`],
  [/^duplicate counter id: (.*)$/, (m) => `hai quầy trùng mã: ${m[1]}`],
  [/^duplicate counter number: (.*)$/, (m) => `hai quầy trùng số: ${m[1]}`],
  [/^duplicate username: (.*)$/, (m) => `hai tài khoản trùng tên đăng nhập: ${m[1]}`],
  [/^two devices share a token: (.*)$/, (m) => `hai thiết bị dùng chung một mã: ${m[1]}`],
  [/^a counter serves an unknown service: (.*)$/, (m) => `một quầy phục vụ lĩnh vực không có: ${m[1]}`],
  [/^an account names an unknown counter: (.*)$/, (m) => `một tài khoản ghi quầy không có: ${m[1]}`],
  [/^a device names an unknown counter: (.*)$/, (m) => `một thiết bị ghi quầy không có: ${m[1]}`],
  [/^clear-text passwords .*?: (.*)$/, (m) => `chỉ chế độ demo mới được ghi mật khẩu dạng chữ thường; hãy dùng passwordHash: ${m[1]}`],
  [/^unknown time zone (.*)$/, (m) => `không có múi giờ ${m[1]}`],
  [/^duplicate reason id: (.*)$/, (m) => `hai lý do trùng mã: ${m[1]}`],
  [/^a (serial|usb|tcp)? ?(keypad bus|LED bus|rating box|printer) needs a path, e\.g\. (.*)$/, (m) => `cần đường dẫn cổng (path), ví dụ ${m[3]}`],
  [/^a network printer needs a host/, () => 'máy in mạng cần địa chỉ IP (host)'],
  [/^two (keypads|LED boards) share address (.*) on one bus$/, (m) => `hai thiết bị trên cùng một đường dây trùng địa chỉ ${m[2]}`],
  [/^ASCII addresses go up to 99$/, () => 'địa chỉ kiểu ASCII chỉ đến 99'],
  [/^two (printers|rating boxes) share the id (.*)$/, (m) => `hai thiết bị trùng mã ${m[2]}`],
  [/^kiosk (.*) has two printers/, (m) => `máy lấy số ${m[1]} có hai máy in; mỗi máy lấy số chỉ một máy in`],
  [/^expected HH:MM$/, () => 'phải có dạng GG:PP, ví dụ 07:30'],
  [/^lowercase letters, digits, - or _$/, () => 'chỉ dùng chữ thường không dấu, chữ số, - hoặc _'],
  [/^lowercase letters, digits or _$/, () => 'chỉ dùng chữ thường không dấu, chữ số hoặc _'],
  [/^device tokens need at least 16 characters$/, () => 'mã thiết bị cần ít nhất 16 ký tự'],
];

function vi(i: Issue): string {
  if (i.code === 'custom' || (i.code === 'invalid_format' && i.format === 'regex')) {
    for (const [re, say] of customVi) {
      const m = i.message.match(re);
      if (m) return say(m);
    }
  }
  return issueText(i, 'vi');
}

const where = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : '(toàn tệp / whole file)');

/**
 * Each problem of a center config as one line: its path, then what is wrong in Vietnamese and in English. A key the
 * schema does not know is one line per key at its own path: a typo must not be silently ignored.
 */
export function configProblems(error: ZodError): string[] {
  return error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => `${where([...i.path, k])}: trường không có trong cấu hình (gõ sai tên?) / unknown key (a typo?)`);
    return [`${where(i.path)}: ${vi(i)} / ${issueText(i, 'en')}`];
  });
}
