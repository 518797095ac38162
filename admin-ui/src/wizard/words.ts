import { useLang } from '@qms/ui-kit';

/** The first-run wizard's words, Vietnamese first: for a center director setting it up alone. */
const words = {
  'title': ['Thiết lập trung tâm lần đầu', 'First-time setup of the center'],
  'intro': [
    'Máy chủ chưa có trung tâm nào. Trả lời vài câu hỏi dưới đây (khoảng 5 phút); mọi thứ đều sửa lại được sau này ở trang quản trị.',
    'This server has no center yet. Answer a few questions below (about 5 minutes); everything can be changed later on the admin page.',
  ],
  'checking': ['Đang kiểm tra máy chủ…', 'Checking the server…'],
  'step': ['Bước {n}/{total}', 'Step {n} of {total}'],
  'step.center': ['Trung tâm', 'Center'],
  'step.admin': ['Tài khoản quản trị', 'Admin account'],
  'step.fields': ['Lĩnh vực', 'Fields'],
  'step.counters': ['Quầy', 'Counters'],
  'step.officers': ['Cán bộ', 'Officers'],
  'step.done': ['Hoàn tất', 'Done'],
  'back': ['Quay lại', 'Back'],
  'next': ['Tiếp tục', 'Next'],
  'finish': ['Hoàn tất thiết lập', 'Finish the setup'],
  'working': ['Đang lưu…', 'Saving…'],
  'remove': ['Xóa', 'Remove'],
  'fix': ['Vui lòng sửa các ô được đánh dấu.', 'Please correct the marked boxes.'],
  'required': ['bắt buộc', 'required'],

  'center.name': ['Tên trung tâm', 'Name of the center'],
  'center.nameHint': ['Hiện trên mọi màn hình và trên phiếu in, ví dụ: Trung tâm Phục vụ hành chính công phường Thạch Khôi.', 'Shown on every screen and printed on every ticket.'],
  'center.timezone': ['Múi giờ', 'Time zone'],
  'center.timezoneHint': ['Việt Nam dùng Asia/Ho_Chi_Minh (UTC+7). Để nguyên nếu không chắc.', 'Vietnam uses Asia/Ho_Chi_Minh (UTC+7). Leave it if unsure.'],

  'admin.intro': [
    'Tài khoản này quản lý trung tâm: lĩnh vực, quầy, cán bộ, báo cáo. Hãy tự chọn mật khẩu và ghi nhớ; không ai khác biết mật khẩu này.',
    'This account runs the center: fields, counters, officers, reports. Choose its password yourself and remember it; nobody else knows it.',
  ],
  'admin.name': ['Họ và tên', 'Full name'],
  'admin.username': ['Tên đăng nhập', 'Username'],
  'admin.usernameHint': ['Chữ thường không dấu, ví dụ: giamdoc', 'Lowercase without accents, e.g. director'],
  'admin.password': ['Mật khẩu', 'Password'],
  'admin.passwordHint': ['Ít nhất 8 ký tự; không dùng admin, 123456 hay tên đăng nhập.', 'At least 8 characters; not admin, 123456 or the username.'],
  'admin.password2': ['Nhập lại mật khẩu', 'Type the password again'],
  'admin.mismatch': ['hai lần nhập mật khẩu không giống nhau', 'the two passwords differ'],

  'fields.intro': [
    'Chọn các lĩnh vực trung tâm tiếp nhận. Mỗi lĩnh vực có đầu số riêng trên phiếu (ví dụ A001 cho Hộ tịch); có thể đổi đầu số gợi ý.',
    'Choose the fields the center handles. Each has its own ticket prefix (e.g. A001 for civil status); the suggested prefixes can be changed.',
  ],
  'fields.ward': ['Lĩnh vực cấp xã', 'Ward-level fields'],
  'fields.agencies': ['Cơ quan ngành dọc đặt quầy tại trung tâm', 'Vertical agencies with a counter in the hall'],
  'fields.prefix': ['Đầu số', 'Prefix'],
  'fields.other': ['Lĩnh vực khác (gõ tên)', 'Another field (type its name)'],
  'fields.otherName': ['Tên lĩnh vực', 'Field name'],
  'fields.add': ['Thêm lĩnh vực này', 'Add this field'],
  'fields.none': ['Hãy chọn ít nhất một lĩnh vực.', 'Choose at least one field.'],

  'counters.intro': [
    'Mỗi quầy có số, tên và các lĩnh vực quầy đó tiếp nhận. Nên có một quầy ưu tiên cho người cao tuổi, phụ nữ mang thai, người khuyết tật.',
    'Each counter has a number, a name and the fields it handles. A priority counter for the elderly, pregnant women and people with disabilities is recommended.',
  ],
  'counters.number': ['Số quầy', 'Number'],
  'counters.name': ['Tên quầy', 'Name'],
  'counters.priority': ['Quầy ưu tiên', 'Priority counter'],
  'counters.fields': ['Lĩnh vực tiếp nhận', 'Fields handled'],
  'counters.add': ['Thêm quầy', 'Add a counter'],
  'counters.none': ['Hãy tạo ít nhất một quầy.', 'Create at least one counter.'],
  'counters.noField': ['chọn ít nhất một lĩnh vực', 'choose at least one field'],
  'counters.priorityName': ['Quầy {n} — Ưu tiên', 'Quầy {n} — Ưu tiên'],
  'counters.defaultName': ['Quầy {n}', 'Quầy {n}'],

  'officers.intro': [
    'Cán bộ làm việc tại quầy. Mỗi người nhận một mật khẩu dùng một lần (hiện ở trang cuối để in ra); lần đăng nhập đầu tiên họ phải tự đặt mật khẩu mới. Có thể thêm cán bộ sau.',
    'The officers at the counters. Each gets a one-time password (on the last page, to print); at their first sign-in they must choose their own. More officers can be added later.',
  ],
  'officers.name': ['Họ và tên', 'Full name'],
  'officers.username': ['Tên đăng nhập', 'Username'],
  'officers.counter': ['Quầy thường ngồi', 'Usual counter'],
  'officers.noCounter': ['— không —', '— none —'],
  'officers.add': ['Thêm cán bộ', 'Add an officer'],

  'done.title': ['Đã thiết lập xong trung tâm', 'The center is set up'],
  'done.signedIn': ['Bạn đã đăng nhập với tài khoản quản trị {username}.', 'You are signed in as the administrator {username}.'],
  'done.print': ['In trang này', 'Print this page'],
  'done.printHint': [
    'Hãy in hoặc ghi lại trang này ngay: mật khẩu dùng một lần của cán bộ chỉ hiện một lần.',
    'Print or write down this page now: the officers’ one-time passwords are shown only once.',
  ],
  'done.toAdmin': ['Vào trang quản trị', 'Go to the admin page'],
  'done.screens': ['Địa chỉ các màn hình', 'The screens’ addresses'],
  'done.screensHint': [
    'Mở các địa chỉ này bằng trình duyệt trên máy đặt ở từng vị trí, trong cùng mạng nội bộ với máy chủ.',
    'Open these addresses in the browser of the machine at each place, on the same local network as the server.',
  ],
  'done.screen': ['Màn hình', 'Screen'],
  'done.address': ['Địa chỉ', 'Address'],
  'done.kiosk': ['Máy lấy số (công dân lấy phiếu)', 'Ticket kiosk (citizens take a ticket)'],
  'done.display': ['Màn hình gọi số (TV trong sảnh)', 'Hall display (the TV)'],
  'done.desk': ['Màn hình quầy {n} (máy tính cán bộ)', 'Desk of counter {n} (officer’s PC)'],
  'done.rating': ['Máy tính bảng đánh giá tại quầy', 'Rating tablet at a counter'],
  'done.admin': ['Trang quản trị (trang này)', 'Admin page (this page)'],
  'done.otherAddresses': ['Máy chủ còn có các địa chỉ: {list}', 'The server also answers at: {list}'],
  'done.pairTitle': ['Ghép nối máy lấy số, màn hình gọi số và máy đánh giá', 'Pairing the kiosk, hall display and rating tablets'],
  'done.pair1': ['Trên máy đó, mở địa chỉ của màn hình (bảng trên). Màn hình hiện một mã gồm 6 chữ số.', 'On that machine, open the screen’s address (table above). It shows a 6-digit code.'],
  'done.pair2': [
    'Tại trang quản trị: Thiết lập → Thiết bị, nhập mã 6 chữ số, chọn loại màn hình (với máy đánh giá: chọn quầy) rồi bấm Ghép nối.',
    'On the admin page: Setup → Devices, type the 6-digit code, choose the kind of screen (for a rating tablet: its counter) and press Pair.',
  ],
  'done.pair3': ['Màn hình tự mở và ghi nhớ việc ghép nối; lần sau bật máy không cần làm lại.', 'The screen opens by itself and remembers it; no need to pair again after a restart.'],
  'done.deskNote': ['Màn hình quầy không cần ghép nối: cán bộ đăng nhập bằng tài khoản của mình.', 'Desks need no pairing: officers sign in with their own account.'],
  'done.officers': ['Mật khẩu dùng một lần của cán bộ', 'Officers’ one-time passwords'],
  'done.officersHint': [
    'Đưa cho từng cán bộ. Khi đăng nhập lần đầu tại màn hình quầy, họ phải đặt mật khẩu mới của riêng mình.',
    'Give each officer theirs. At the first sign-in at the desk they must choose their own new password.',
  ],
  'done.password': ['Mật khẩu dùng một lần', 'One-time password'],
  'done.noOfficers': ['Chưa có cán bộ nào; thêm ở trang quản trị: Thiết lập → Tài khoản.', 'No officers yet; add them on the admin page: Setup → Accounts.'],
  'done.timezone': [
    'Múi giờ mới ({timezone}) có hiệu lực sau khi khởi động lại máy chủ.',
    'The new time zone ({timezone}) applies after the server restarts.',
  ],
} as const;

export type WizardWordKey = keyof typeof words;

export function useWizardWords() {
  const { lang } = useLang();
  const w = (key: WizardWordKey, params: Record<string, string | number> = {}) =>
    words[key][lang === 'vi' ? 0 : 1].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { w, lang };
}
