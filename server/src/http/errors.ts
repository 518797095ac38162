import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { ZodError } from 'zod';
import { QueueError } from '../queue';
import type { Logger } from '../log';
import { isErrorCode, messageFor, type ErrorCode, type Lang } from './messages';
import { isDiskFull } from '../store/disk-state';

/** An error the API answers with a 4xx and `{error:{code,message}}`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    /** Bad input: a message per form field, in Vietnamese and English. */
    readonly fields?: { vi: Record<string, string>; en: Record<string, string> },
  ) {
    super(code);
  }
}

export function langOf(c: Context): Lang {
  return /^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'vi';
}

/**
 * `{ error: { code, message, fields? } }`. `fields` names the form fields at fault: from the schema's issues, or the
 * one field a refusal names in its `field` param (e.g. `prefix` for a prefix collision), with the message.
 */
export function errorResponse(c: Context, code: ErrorCode, params: Record<string, string | number> = {}, fields?: ApiFailure['fields']) {
  const lang = langOf(c);
  const { status, message } = messageFor(code, params, lang);
  const byField = fields?.[lang] ?? (typeof params.field === 'string' ? { [params.field]: message } : undefined);
  return c.json({ error: { code, message, ...(byField ? { fields: byField } : {}) } }, status);
}

/** A message per field path (`serviceIds.0`; `` for the body itself), the first issue of each. */
export function zodFields(error: ZodError, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const keys = i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [i.path.join('.')];
    for (const k of keys) out[k] ??= i.code === 'unrecognized_keys' ? (lang === 'vi' ? 'không nhận trường này' : 'unknown field') : issueText(i, lang);
  }
  return out;
}

/** The schemas' own rules (`refine`) in Vietnamese; zod's locale words the rest. */
const customVi: Record<string, string> = {
  '"from" must not be after "to"': 'ngày bắt đầu ("from") không được sau ngày kết thúc ("to")',
  'serviceId or counterId is required': 'cần chọn lĩnh vực (serviceId) hoặc quầy (counterId)',
  'the template must contain {number}': 'mẫu câu phải có {number}',
  'only {number} and {counter} may stand in braces': 'trong ngoặc nhọn chỉ được dùng {number} và {counter}',
  'a window must end after it starts': 'giờ kết thúc phải sau giờ bắt đầu',
  'give hours or days': 'cần gửi giờ làm việc (hours) hoặc danh sách ngày (days)',
  'days need their year': 'cần ghi năm (year) của danh sách ngày',
  'the date is not in that year': 'ngày này không thuộc năm đang sửa',
  'the date is listed twice': 'ngày này bị nhập hai lần',
  'no such date': 'không có ngày này trong lịch',
  'expected HH:MM': 'phải là giờ dạng HH:MM, ví dụ 07:30',
  'expected YYYY-MM-DD': 'phải là ngày dạng YYYY-MM-DD, ví dụ 2026-04-30',
  'the prefix is up to 4 capital letters or digits': 'đầu số gồm tối đa 4 chữ cái in hoa hoặc chữ số',
  'lowercase letters, digits, - or _': 'chỉ gồm chữ thường không dấu, chữ số, - hoặc _',
  '2–32 lowercase letters, digits, . _ or -': '2–32 ký tự: chữ thường không dấu, chữ số, . _ hoặc -',
  'unknown time zone': 'không có múi giờ này',
  'the field is listed twice': 'lĩnh vực này bị nhập hai lần',
  'two fields could issue the same number: choose another prefix': 'hai lĩnh vực có thể cấp trùng số: hãy chọn đầu số khác',
  'the counter number is listed twice': 'số quầy này bị nhập hai lần',
  'no such field in the list': 'không có lĩnh vực này trong danh sách',
  'a field is chosen twice': 'một lĩnh vực bị chọn hai lần',
  'the username is listed twice': 'tên đăng nhập này bị nhập hai lần',
  'no counter with this number': 'không có quầy số này',
};

const typeVi: Record<string, string> = { string: 'chữ', number: 'số', int: 'số nguyên', boolean: 'đúng/sai', object: 'một đối tượng', array: 'một danh sách' };

/** One issue in Vietnamese: zod's own Vietnamese locale cannot say what was received once the input is gone. */
function issueVi(i: ZodError['issues'][number]): string {
  switch (i.code) {
    case 'custom':
      return customVi[i.message] ?? i.message;
    case 'invalid_type':
      return `phải là ${typeVi[i.expected] ?? i.expected}`;
    case 'invalid_value':
      return `phải là một trong: ${i.values.map(String).join(', ')}`;
    case 'too_small':
      return i.origin === 'string' ? `quá ngắn (ít nhất ${i.minimum} ký tự)` : i.origin === 'array' ? `cần ít nhất ${i.minimum} mục` : `phải từ ${i.minimum} trở lên`;
    case 'too_big':
      return i.origin === 'string' ? `quá dài (tối đa ${i.maximum} ký tự)` : i.origin === 'array' ? `tối đa ${i.maximum} mục` : `không được quá ${i.maximum}`;
    case 'invalid_format':
      return customVi[i.message] ?? 'sai định dạng';
    case 'unrecognized_keys':
      return `không nhận các trường: ${i.keys.join(', ')}`;
    default:
      return 'không hợp lệ';
  }
}

export function issueText(i: ZodError['issues'][number], lang: Lang): string {
  const missing = i.code === 'invalid_type' && /received undefined/.test(i.message);
  if (missing) return lang === 'vi' ? 'bắt buộc' : 'required';
  return lang === 'vi' ? issueVi(i) : i.message;
}

/** Zod issues in a line a person can read, in `lang`: `level: Invalid option …; ticketId: required`. */
export function describeZodError(error: ZodError, lang: Lang): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${issueText(i, lang)}` : issueText(i, lang)))
    .join('; ');
}

export function handleError(err: Error, c: Context, log: Logger) {
  if (err instanceof QueueError) return errorResponse(c, err.code, err.params);
  // The types allow only known codes; one that slips through at run time is a bug to see in the log, not a 400.
  if (err instanceof ApiFailure && isErrorCode(err.code)) return errorResponse(c, err.code, err.params, err.fields);
  if (err instanceof HTTPException && err.status < 500) {
    const code = /json/i.test(err.message) ? 'malformed_json' : 'invalid_input';
    return errorResponse(c, code, { detail: err.message });
  }
  if (isDiskFull(err)) return errorResponse(c, 'disk_full');
  log.error({ err, method: c.req.method, route: routePath(c) || null, ...(err instanceof ApiFailure ? { unknownCode: err.code } : {}) }, 'unexpected error');
  return c.json({ error: { code: 'internal', message: 'Lỗi máy chủ, đã ghi nhận. / Server error, logged.' } }, 500);
}
