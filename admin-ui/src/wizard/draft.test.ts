import { describe, expect, it } from 'vitest';
import { emptyDraft, problemsOf, suggestedUsername, typedField, type Draft } from './draft';

const filled = (): Draft => ({
  ...emptyDraft(),
  centerName: 'Trung tâm xã Thử',
  adminUsername: 'giamdoc',
  password: 'mot-mat-khau',
  password2: 'mot-mat-khau',
  fields: [{ id: 'ho-tich', name: 'Hộ tịch', prefix: 'A' }],
  counters: [{ number: '1', name: 'Quầy 1', fieldIds: ['ho-tich'], priority: true }],
});

describe('the wizard’s draft', () => {
  it('suggests usernames and field ids without diacritics', () => {
    expect(suggestedUsername('Trần Thị Lan')).toBe('lan.tt');
    expect(suggestedUsername('Đỗ Đức')).toBe('duc.d');
    expect(typedField('Tư pháp', 't', [])).toEqual({ id: 'tu-phap', name: 'Tư pháp', prefix: 'T' });
    expect(typedField('Tư pháp', 'u', ['tu-phap']).id).toBe('tu-phap-2');
  });

  it('checks one step with the server’s schema, in Vietnamese or English', () => {
    expect(problemsOf(filled(), 'vi')).toEqual({});
    const d = { ...filled(), password2: 'khac', counters: [{ number: '', name: 'Quầy 1', fieldIds: [], priority: false }] };
    expect(problemsOf(d, 'vi', 'admin')).toEqual({ 'admin.password2': 'hai lần nhập mật khẩu không giống nhau' });
    expect(problemsOf(d, 'vi', 'counters')).toEqual({ 'counters.0.number': 'phải là một số', 'counters.0.fieldIds': 'chọn ít nhất một' });
    expect(problemsOf({ ...filled(), centerName: ' ' }, 'en', 'center')).toEqual({ 'center.name': 'required' });
  });
});
