/**
 * The schemas' own rules (`refine`, `regex` messages) in Vietnamese, keyed by their English message: the server's
 * error words and the screens' own form checks use the same sentence for the same rule.
 */
export const ruleWordsVi: Readonly<Record<string, string>> = {
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
