import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { QueueError } from '../queue';
import { isDiskFull } from '../store/disk-state';
import { messageFor, type Lang } from './messages';

/** An error the API answers with a 4xx and `{error:{code,message}}`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export function langOf(c: Context): Lang {
  return /^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'vi';
}

export function errorResponse(c: Context, code: string, params: Record<string, string | number> = {}) {
  const { status, message } = messageFor(code, params, langOf(c));
  return c.json({ error: { code, message } }, status);
}

/** The schemas' own rules (`refine`) in Vietnamese; zod's locale words the rest. */
const customVi: Record<string, string> = {
  '"from" must not be after "to"': 'ngày bắt đầu ("from") không được sau ngày kết thúc ("to")',
  'serviceId or counterId is required': 'cần chọn lĩnh vực (serviceId) hoặc quầy (counterId)',
  'the template must contain {number}': 'mẫu câu phải có {number}',
  'only {number} and {counter} may stand in braces': 'trong ngoặc nhọn chỉ được dùng {number} và {counter}',
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
      return 'sai định dạng';
    case 'unrecognized_keys':
      return `không nhận các trường: ${i.keys.join(', ')}`;
    default:
      return 'không hợp lệ';
  }
}

function issueText(i: ZodError['issues'][number], lang: Lang): string {
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

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiFailure || err instanceof QueueError) return errorResponse(c, err.code, err.params);
  if (err instanceof HTTPException && err.status < 500) {
    const code = /json/i.test(err.message) ? 'malformed_json' : 'invalid_input';
    return errorResponse(c, code, { detail: err.message });
  }
  if (isDiskFull(err)) return errorResponse(c, 'disk_full');
  console.error('Unexpected error on', c.req.method, c.req.path, err);
  return c.json({ error: { code: 'internal', message: 'Lỗi máy chủ, đã ghi nhận. / Server error, logged.' } }, 500);
}
