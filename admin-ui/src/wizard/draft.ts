import { commonFields, FirstSetupBody, fieldIdOf, ruleWordsVi, type FirstSetupBody as Body } from '@qms/protocol';

/** What the wizard's forms hold, as typed (numbers stay text until sent). */
export interface Draft {
  centerName: string;
  timezone: string;
  adminName: string;
  adminUsername: string;
  password: string;
  password2: string;
  fields: { id: string; code?: string; name: string; nameEn?: string; prefix: string }[];
  counters: { number: string; name: string; fieldIds: string[]; priority: boolean }[];
  officers: { name: string; username: string; counter: string }[];
}

export const steps = ['center', 'admin', 'fields', 'counters', 'officers'] as const;
export type Step = (typeof steps)[number];

export const emptyDraft = (): Draft => ({
  centerName: '',
  timezone: 'Asia/Ho_Chi_Minh',
  adminName: '',
  adminUsername: '',
  password: '',
  password2: '',
  fields: [],
  counters: [],
  officers: [],
});

/** A field of the built-in list, as the wizard adds it. */
export const builtinField = (id: string) => {
  const f = commonFields.find((x) => x.id === id)!;
  return { id: f.id, code: f.code, name: f.name, nameEn: f.nameEn, prefix: f.prefix };
};

/** A typed-in field: its id from its name, made unique among the chosen ones. */
export function typedField(name: string, prefix: string, taken: string[]) {
  const base = fieldIdOf(name);
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base.slice(0, 29)}-${n}`;
  return { id, name: name.trim(), prefix: prefix.trim().toUpperCase() };
}

/** The counters to start from: a priority counter for every field, and one more. */
export function suggestedCounters(fieldIds: string[]): Draft['counters'] {
  return [
    { number: '1', name: 'Quầy 1 — Ưu tiên', fieldIds, priority: true },
    { number: '2', name: 'Quầy 2', fieldIds, priority: false },
  ];
}

/** `Trần Thị Lan` → `lan.tt`: the given name, then the initials of the others. */
export function suggestedUsername(name: string): string {
  const words = fieldIdOf(name).split('-').filter(Boolean);
  if (!words.length) return '';
  const given = words[words.length - 1]!;
  const initials = words.slice(0, -1).map((x) => x[0]).join('');
  return (initials ? `${given}.${initials}` : given).slice(0, 32);
}

const numberOrNaN = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export function toBody(d: Draft): Body {
  return {
    center: { name: d.centerName },
    timezone: d.timezone,
    admin: { ...(d.adminName.trim() ? { name: d.adminName } : {}), username: d.adminUsername, password: d.password },
    fields: d.fields,
    counters: d.counters.map((c) => ({ number: numberOrNaN(c.number), name: c.name, fieldIds: c.fieldIds, priority: c.priority })),
    officers: d.officers.map((o) => ({ name: o.name, username: o.username, counter: o.counter === '' ? null : Number(o.counter) })),
  };
}

/** The step a field path belongs to (`counters.0.number` → counters). */
export function stepOf(path: string): Step {
  const head = path.split('.')[0];
  if (head === 'admin') return 'admin';
  if (head === 'fields' || head === 'counters' || head === 'officers') return head;
  return 'center';
}

type Issue = { path: PropertyKey[]; code: string; message: string; minimum?: unknown; origin?: string };

function words(i: Issue, lang: 'vi' | 'en'): string {
  if (i.code === 'too_small' && i.origin === 'string') {
    if (i.minimum === 1) return lang === 'vi' ? 'bắt buộc' : 'required';
    return lang === 'vi' ? `quá ngắn (ít nhất ${String(i.minimum)} ký tự)` : `too short (at least ${String(i.minimum)} characters)`;
  }
  if (i.code === 'too_small' && i.origin === 'array') return lang === 'vi' ? 'chọn ít nhất một' : 'choose at least one';
  if (i.code === 'invalid_type' && i.path[i.path.length - 1] === 'number') return lang === 'vi' ? 'phải là một số' : 'must be a number';
  if (lang === 'en') return i.message;
  return ruleWordsVi[i.message] ?? (i.code === 'too_big' ? 'quá dài' : 'không hợp lệ');
}

/**
 * The problems of one step (or every step), a message per field path, checked with the server's own schema: the
 * same words as the server's, before anything is sent. Passwords typed twice are checked here only.
 */
export function problemsOf(d: Draft, lang: 'vi' | 'en', only?: Step): Record<string, string> {
  const out: Record<string, string> = {};
  const parsed = FirstSetupBody.safeParse(toBody(d));
  if (!parsed.success) {
    for (const i of parsed.error.issues as Issue[]) {
      const path = i.path.map(String).join('.');
      if (only && stepOf(path) !== only) continue;
      out[path] ??= words(i, lang);
    }
  }
  if ((!only || only === 'admin') && d.password2 !== d.password) out['admin.password2'] ??= lang === 'vi' ? 'hai lần nhập mật khẩu không giống nhau' : 'the two passwords differ';
  if ((!only || only === 'fields') && d.fields.length === 0) out.fields = lang === 'vi' ? 'Hãy chọn ít nhất một lĩnh vực.' : 'Choose at least one field.';
  if ((!only || only === 'counters') && d.counters.length === 0) out.counters = lang === 'vi' ? 'Hãy tạo ít nhất một quầy.' : 'Create at least one counter.';
  return out;
}
