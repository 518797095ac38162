import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { ZodError } from 'zod';
import { QueueError } from '../queue';
import type { Logger } from '../log';
import { isErrorCode, messageFor, type ErrorCode, type Lang } from './messages';
import { isDiskFull } from '../store/disk-state';
import { ruleWordsVi } from '@qms/protocol';

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


const typeVi: Record<string, string> = { string: 'chữ', number: 'số', int: 'số nguyên', boolean: 'đúng/sai', object: 'một đối tượng', array: 'một danh sách' };

/** One issue in Vietnamese: zod's own Vietnamese locale cannot say what was received once the input is gone. */
function issueVi(i: ZodError['issues'][number]): string {
  switch (i.code) {
    case 'custom':
      return ruleWordsVi[i.message] ?? i.message;
    case 'invalid_type':
      return `phải là ${typeVi[i.expected] ?? i.expected}`;
    case 'invalid_value':
      return `phải là một trong: ${i.values.map(String).join(', ')}`;
    case 'too_small':
      return i.origin === 'string' ? `quá ngắn (ít nhất ${i.minimum} ký tự)` : i.origin === 'array' ? `cần ít nhất ${i.minimum} mục` : `phải từ ${i.minimum} trở lên`;
    case 'too_big':
      return i.origin === 'string' ? `quá dài (tối đa ${i.maximum} ký tự)` : i.origin === 'array' ? `tối đa ${i.maximum} mục` : `không được quá ${i.maximum}`;
    case 'invalid_format':
      return ruleWordsVi[i.message] ?? 'sai định dạng';
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
