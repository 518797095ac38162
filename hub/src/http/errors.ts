import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

type Params = Record<string, string | number>;
const messages = {
  invalid_input: { status: 400, vi: (p: Params) => `Dữ liệu gửi lên không hợp lệ: ${p.detail}`, en: (p: Params) => `The request is not valid: ${p.detail}` },
  malformed_json: { status: 400, vi: () => 'Nội dung gửi lên không phải JSON hợp lệ.', en: () => 'The request body is not valid JSON.' },
  too_large: { status: 413, vi: () => 'Nội dung gửi lên quá lớn.', en: () => 'The request body is too large.' },
  not_found: { status: 404, vi: () => 'Không có địa chỉ này.', en: () => 'There is nothing at this address.' },
  unauthorized: { status: 401, vi: () => 'Cần đăng nhập để làm việc này.', en: () => 'You need to sign in to do this.' },
  too_many_attempts: { status: 429, vi: (p: Params) => `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${p.minutes} phút.`, en: (p: Params) => `Too many wrong sign-ins. Please try again in ${p.minutes} min.` },
  bad_credentials: { status: 401, vi: () => 'Sai tên đăng nhập hoặc mật khẩu.', en: () => 'Wrong username or password.' },
  bad_center_key: { status: 401, vi: () => 'Khóa kết nối của trung tâm không đúng.', en: () => 'The center key is not valid.' },
  forbidden: { status: 403, vi: (p: Params) => `Tài khoản này không có quyền làm việc này (cần: ${p.allowed}).`, en: (p: Params) => `This account may not do this (needs: ${p.allowed}).` },
  admin_only: {
    status: 403,
    vi: () => 'Chỉ tài khoản quản trị thành phố được làm việc này. Tài khoản xem chỉ được xem màn hình trực tiếp và báo cáo.',
    en: () => 'Only the city admin account may do this. A viewer account may only see the live view and the reports.',
  },
  unknown_account: { status: 404, vi: (p: Params) => `Không có tài khoản xem "${p.account}".`, en: (p: Params) => `There is no viewer account "${p.account}".` },
  username_taken: { status: 409, vi: (p: Params) => `Tên đăng nhập "${p.username}" đã có.`, en: (p: Params) => `The username "${p.username}" is already taken.` },
  bad_id: { status: 400, vi: (p: Params) => `Mã số "${p.id}" không hợp lệ (cần một số nguyên dương).`, en: (p: Params) => `"${p.id}" is not a valid id (a positive whole number).` },
  unknown_center: { status: 404, vi: (p: Params) => `Không có trung tâm "${p.center}".`, en: (p: Params) => `There is no center "${p.center}".` },
  center_code_taken: { status: 409, vi: (p: Params) => `Mã trung tâm "${p.code}" đã có.`, en: (p: Params) => `The center code "${p.code}" is already registered.` },
} as const;
export type ErrorCode = keyof typeof messages;

export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
  ) {
    super(code);
  }
}

/** `{ error: { code, message } }` with the code's 4xx status; Vietnamese unless the client asks for English. */
export function errorReply(c: Context, err: HubError) {
  const m = messages[err.code];
  const en = /^en\b/i.test(c.req.header('accept-language') ?? '');
  const message = en ? m.en(err.params) : m.vi(err.params);
  return c.json({ error: { code: err.code, message } }, m.status as ContentfulStatusCode);
}

export const issuesText = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
