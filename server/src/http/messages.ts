import { appointmentMessages } from './appointment-messages';

type Params = Record<string, string | number>;
type Message = { status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503; vi: (p: Params) => string; en: (p: Params) => string };

/** Every error code the API answers with, its HTTP status and its words in Vietnamese and English. */
export const messages = {
  invalid_input: { status: 400, vi: (p) => `Dữ liệu gửi lên không hợp lệ: ${p.detailVi ?? p.detail}`, en: (p) => `The request is not valid: ${p.detail}` },
  malformed_json: { status: 400, vi: () => 'Nội dung gửi lên không phải JSON hợp lệ.', en: () => 'The request body is not valid JSON.' },
  too_large: { status: 413, vi: () => 'Nội dung gửi lên quá lớn.', en: () => 'The request body is too large.' },
  not_found: { status: 404, vi: () => 'Không có địa chỉ này.', en: () => 'There is nothing at this address.' },
  unauthorized: { status: 401, vi: () => 'Cần đăng nhập (hoặc mã thiết bị) để làm việc này.', en: () => 'You need to sign in (or a device token) to do this.' },
  session_expired: { status: 401, vi: () => 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.', en: () => 'Your session has expired; please sign in again.' },
  forbidden: { status: 403, vi: (p) => `Tài khoản này không có quyền làm việc này (cần: ${p.allowed}).`, en: (p) => `This account may not do this (needs: ${p.allowed}).` },
  too_many_attempts: {
    status: 429,
    vi: (p) => `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${p.minutes} phút.`,
    en: (p) => `Too many wrong sign-ins. Please try again in ${p.minutes} min.`,
  },
  bad_credentials: { status: 401, vi: () => 'Sai tên đăng nhập hoặc mật khẩu.', en: () => 'Wrong username or password.' },
  cross_site: {
    status: 403,
    vi: () => 'Yêu cầu này đến từ một trang web khác nên bị từ chối. Hãy thao tác trên màn hình của hệ thống xếp hàng.',
    en: () => 'This request came from another website and was refused. Use the queue system’s own screens.',
  },
  unknown_service: { status: 404, vi: (p) => `Không có lĩnh vực "${p.service}".`, en: (p) => `There is no field "${p.service}".` },
  unknown_counter: { status: 404, vi: (p) => `Không có quầy ${p.counter}.`, en: (p) => `There is no counter ${p.counter}.` },
  unknown_ticket: { status: 404, vi: (p) => `Không tìm thấy vé ${p.ticket}.`, en: (p) => `Ticket ${p.ticket} was not found.` },
  unknown_priority: {
    status: 400,
    vi: (p) => `Loại ưu tiên "${p.priority}" không có hoặc đã được bỏ tại trung tâm. Các loại ưu tiên hiện có: ${p.allowed || 'không có'}.`,
    en: (p) => `The priority group "${p.priority}" does not exist or was removed at this center. Groups available now: ${p.allowedEn || 'none'}.`,
  },
  duplicate_priority: { status: 400, vi: (p) => `Mã loại ưu tiên "${p.code}" bị trùng; mỗi loại cần một mã riêng.`, en: (p) => `The priority code "${p.code}" is used twice; each group needs its own code.` },
  outside_hours: { status: 409, vi: (p) => `Lĩnh vực ${p.service} chỉ cấp số trong giờ ${p.windows}.`, en: (p) => `Tickets for ${p.service} are issued only during ${p.windows}.` },
  holiday: { status: 409, vi: (p) => `Hôm nay nghỉ lễ ${p.holiday}, không cấp số.`, en: (p) => `Closed today for ${p.holidayEn}; no tickets are issued.` },
  not_working_day: { status: 409, vi: (p) => `Hôm nay không cấp số lĩnh vực ${p.service}.`, en: (p) => `No tickets for ${p.service} are issued today.` },
  daily_cap_reached: { status: 409, vi: (p) => `Lĩnh vực ${p.service} đã hết số trong ngày (${p.cap} số).`, en: (p) => `${p.service} has issued all ${p.cap} tickets for today.` },
  numbers_exhausted: { status: 409, vi: (p) => `Lĩnh vực ${p.service} đã dùng hết dãy số trong ngày.`, en: (p) => `${p.serviceEn ?? p.service} has used up its number range for today.` },
  invalid_transition: { status: 409, vi: (p) => `Vé ${p.number} đang ở trạng thái "${p.status}", không thể ${p.action}.`, en: (p) => `Ticket ${p.number} is "${p.status}" and cannot be ${p.action}.` },
  not_signed_in_here: { status: 403, vi: (p) => `Bạn chưa đăng nhập tại quầy ${p.counter}.`, en: (p) => `You are not signed in at counter ${p.counter}.` },
  counter_taken: { status: 409, vi: (p) => `Quầy ${p.counter} đang do ${p.name} phụ trách.`, en: (p) => `Counter ${p.counter} is staffed by ${p.name}.` },
  counter_busy: { status: 409, vi: (p) => `Quầy ${p.counter} đang phục vụ một vé; hãy hoàn thành hoặc chuyển vé trước.`, en: (p) => `Counter ${p.counter} is serving a ticket; finish or transfer it first.` },
  counter_paused: { status: 409, vi: (p) => `Quầy ${p.counter} đang tạm nghỉ; hãy tiếp tục trước khi gọi số.`, en: (p) => `Counter ${p.counter} is paused; resume before calling.` },
  counter_closed: { status: 409, vi: (p) => `Quầy ${p.counter} đang đóng; hãy đăng nhập vào quầy trước.`, en: (p) => `Counter ${p.counter} is closed; sign in to it first.` },
  counter_not_open: { status: 409, vi: (p) => `Quầy ${p.counter} không ở trạng thái mở.`, en: (p) => `Counter ${p.counter} is not open.` },
  counter_not_paused: { status: 409, vi: (p) => `Quầy ${p.counter} không tạm nghỉ.`, en: (p) => `Counter ${p.counter} is not paused.` },
  no_current_ticket: { status: 409, vi: (p) => `Quầy ${p.counter} chưa gọi vé nào.`, en: (p) => `Counter ${p.counter} has no ticket called.` },
  transfer_to_closed: {
    status: 409,
    vi: (p) => `Quầy ${p.counter} đang đóng; chuyển sang quầy đang mở hoặc chuyển theo lĩnh vực.`,
    en: (p) => `Counter ${p.counter} is closed; transfer to an open counter or to a field.`,
  },
  stale_view: {
    status: 409,
    vi: (p) => `Quầy ${p.counter} vừa gọi số ${p.number}; màn hình đã được cập nhật, chưa gọi thêm số nào.`,
    en: (p) => `Counter ${p.counter} has just called ${p.number}; the screen is now up to date and no other number was called.`,
  },
  ticket_not_waiting: { status: 409, vi: (p) => `Vé ${p.ticket} không còn trong hàng chờ hôm nay.`, en: (p) => `Ticket ${p.ticket} is not waiting today.` },
  ticket_not_held_here: { status: 409, vi: (p) => `Vé ${p.ticket} không được tạm giữ tại quầy ${p.counter}.`, en: (p) => `Ticket ${p.ticket} is not on hold at counter ${p.counter}.` },
  transfer_to_self: { status: 400, vi: (p) => `Không thể chuyển vé về chính quầy ${p.counter}.`, en: (p) => `A ticket cannot be transferred to its own counter ${p.counter}.` },
  transfer_nowhere: { status: 400, vi: (p) => `Cần chọn lĩnh vực khác hoặc quầy khác để chuyển vé ${p.number}.`, en: (p) => `Choose another field or counter to transfer ticket ${p.number}.` },
  not_served_yet: { status: 409, vi: (p) => `Vé ${p.number} chưa được phục vụ xong nên chưa thể đánh giá.`, en: (p) => `Ticket ${p.number} has not been served yet, so it cannot be rated.` },
  already_rated: { status: 409, vi: (p) => `Vé ${p.number} đã được đánh giá.`, en: (p) => `Ticket ${p.number} has already been rated.` },
  rating_window_closed: { status: 409, vi: (p) => `Đã quá thời gian đánh giá vé ${p.number}.`, en: (p) => `The time to rate ticket ${p.number} has passed.` },
  rating_wrong_counter: { status: 403, vi: (p) => `Thiết bị này chỉ đánh giá vé của quầy ${p.counter}.`, en: (p) => `This device rates only tickets of counter ${p.counter}.` },
  rating_level_not_offered: { status: 400, vi: (p) => `Mức đánh giá "${p.level}" không có trong thang đánh giá của trung tâm; chọn một trong: ${p.allowed}.`, en: (p) => `The level "${p.level}" is not on this center's scale; use one of: ${p.allowed}.` },
  unknown_rating_reason: { status: 400, vi: (p) => `Lý do "${p.reason}" không có trong danh sách; chọn trong: ${p.allowed}.`, en: (p) => `Unknown reason "${p.reason}"; use any of: ${p.allowed}.` },
  reasons_only_when_low: { status: 400, vi: () => 'Chỉ chọn lý do khi chưa hài lòng.', en: () => 'Reasons are given only with a low rating.' },
  rating_key_missing: {
    status: 403,
    vi: () => 'Thiếu mã đánh giá: hãy quét mã QR trên phiếu của ông/bà.',
    en: () => 'The rating code is missing: scan the QR code on your ticket.',
  },
  rating_key_wrong: {
    status: 403,
    vi: () => 'Mã đánh giá không đúng: hãy quét mã QR trên phiếu của ông/bà.',
    en: () => 'The rating code is not right: scan the QR code on your ticket.',
  },
  rating_by_staff: { status: 403, vi: () => 'Cán bộ không thể đánh giá thay công dân.', en: () => 'Staff cannot rate on behalf of a citizen.' },
  rating_counter_mismatch: { status: 403, vi: (p) => `Thiết bị đánh giá này thuộc quầy khác, không phải quầy ${p.counter}.`, en: (p) => `This rating device belongs to another counter, not counter ${p.counter}.` },
  no_printer: { status: 409, vi: () => 'Chưa có máy in phiếu nào được cấu hình cho quầy này.', en: () => 'No ticket printer is configured for this counter.' },
  range_too_long: { status: 400, vi: (p) => `Khoảng thời gian quá dài (tối đa ${p.max} ngày).`, en: (p) => `The date range is too long (at most ${p.max} days).` },
  unknown_staff: { status: 404, vi: (p) => `Không có tài khoản cán bộ số ${p.id}.`, en: (p) => `There is no officer account ${p.id}.` },
  photo_type_not_accepted: {
    status: 415,
    vi: (p) => `Chỉ nhận ảnh JPG, PNG hoặc WebP (tệp đã gửi có kiểu "${p.type}"). Hãy lưu ảnh thành JPG hoặc PNG rồi tải lại.`,
    en: (p) => `Only JPG, PNG or WebP photos are accepted (the file sent is "${p.type}"). Save the photo as JPG or PNG and upload it again.`,
  },
  photo_empty: { status: 400, vi: () => 'Tệp ảnh gửi lên rỗng.', en: () => 'The photo file sent is empty.' },
  photo_not_matching: {
    status: 400,
    vi: (p) => `Nội dung tệp không phải ảnh ${p.format} như tên gọi (tệp hỏng hoặc bị đổi đuôi). Hãy mở ảnh, lưu lại thành JPG hoặc PNG rồi tải lại.`,
    en: (p) => `The file is not really a ${p.format} image (damaged, or renamed). Open the photo, save it as JPG or PNG and upload it again.`,
  },
  photo_too_large: {
    status: 413,
    vi: (p) => `Ảnh quá lớn; tối đa ${p.max} MB. Hãy thu nhỏ ảnh (ảnh chân dung chỉ cần khoảng 600 × 600 điểm ảnh) rồi tải lại.`,
    en: (p) => `The photo is too large; at most ${p.max} MB. Make it smaller (a portrait needs only about 600 × 600 pixels) and upload it again.`,
  },
  photo_unreadable: {
    status: 400,
    vi: (p) => `Không đọc được ảnh ${p.format} này (tệp hỏng hoặc không phải ảnh). Hãy mở ảnh, lưu lại thành JPG hoặc PNG rồi tải lại.`,
    en: (p) => `This ${p.format} photo cannot be read (damaged, or not an image). Open the photo, save it as JPG or PNG and upload it again.`,
  },
  photo_too_many_pixels: {
    status: 413,
    vi: (p) => `Ảnh quá nhiều điểm ảnh (${p.width} × ${p.height}); tối đa ${p.max} triệu điểm ảnh. Hãy thu nhỏ ảnh rồi tải lại.`,
    en: (p) => `The photo has too many pixels (${p.width} × ${p.height}); at most ${p.max} megapixels. Make it smaller and upload it again.`,
  },
  photo_not_saved: {
    status: 409,
    vi: (p) => `Máy chủ không lưu được ảnh vào thư mục ${p.dir} (${p.reason}). Hãy báo quản trị viên kiểm tra thư mục ảnh.`,
    en: (p) => `The server could not save the photo in ${p.dir} (${p.reason}). Ask the administrator to check the photo folder.`,
  },
  disk_full: {
    status: 503,
    vi: () => 'Hết dung lượng ổ đĩa trên máy chủ: chưa lưu được thao tác này. Hãy báo quản trị viên giải phóng ổ đĩa; máy chủ tự hoạt động lại khi có chỗ trống.',
    en: () => 'The server’s disk is full: this was not saved. Ask the administrator to free disk space; the server works again by itself once there is room.',
  },
  paper_period_reversed: { status: 400, vi: () => 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.', en: () => 'The end date must be on or after the start date.' },
  paper_batch_empty: {
    status: 400,
    vi: () => 'Đợt khảo sát chưa có phiếu nào: hãy nhập số phiếu của ít nhất một mức.',
    en: () => 'The batch has no ballots: enter the count for at least one level.',
  },
  paper_ballot_not_found: { status: 404, vi: (p) => `Không có đợt phiếu giấy số ${p.id} (hoặc đã hủy).`, en: (p) => `There is no paper-ballot batch ${p.id} (or it was already voided).` },
  stopped_today: {
    status: 409,
    vi: (p) => `Lĩnh vực ${p.service} tạm ngừng cấp số hôm nay: ${p.reason}`,
    en: (p) => `No more tickets for ${p.service} today: ${p.reason}`,
  },
  password_change_required: {
    status: 403,
    vi: () => 'Vui lòng đổi mật khẩu tạm thời trước khi làm việc.',
    en: () => 'Please change your temporary password first.',
  },
  wrong_password: { status: 400, vi: () => 'Mật khẩu hiện tại không đúng.', en: () => 'The current password is wrong.' },
  password_too_weak: {
    status: 400,
    vi: () => 'Mật khẩu mới quá dễ đoán (như admin, 123456, tên đăng nhập hoặc mật khẩu cũ); hãy chọn mật khẩu khác, ít nhất 8 ký tự.',
    en: () => 'The new password is too easy to guess (like admin, 123456, the username or the old password); choose another, at least 8 characters.',
  },
  not_allowed_at_counter: { status: 403, vi: (p) => `Tài khoản này không được làm việc tại quầy ${p.counter}.`, en: (p) => `This account may not work at counter ${p.counter}.` },
  service_id_taken: { status: 409, vi: (p) => `Mã lĩnh vực "${p.id}" đã có; hãy chọn mã khác.`, en: (p) => `The field id "${p.id}" is already used; choose another.` },
  prefix_collision: {
    status: 409,
    vi: (p) => `Đầu số "${p.prefix}" trùng với đầu số "${p.otherPrefix}" của lĩnh vực ${p.other}: hai lĩnh vực có thể cấp cùng một số. Hãy chọn đầu số khác.`,
    en: (p) => `The prefix "${p.prefix}" clashes with "${p.otherPrefix}" of ${p.other}: both fields could issue the same number. Choose another prefix.`,
  },
  numbering_in_use: {
    status: 409,
    vi: (p) => `Lĩnh vực ${p.service} đã cấp số hôm nay nên chưa thể đổi đầu số hoặc số chữ số; hãy đổi sau khi hết ngày làm việc.`,
    en: (p) => `${p.service} has issued tickets today, so its prefix or number width cannot change now; change it after today.`,
  },
  prefix_in_use: {
    status: 409,
    vi: (p) => `Lĩnh vực ${p.service} đã cấp số hôm nay nên tệp nhập vào không thể đổi đầu số hoặc số chữ số của lĩnh vực này; hãy nhập sau khi hết ngày.`,
    en: (p) => `${p.service} has issued tickets today, so the imported file cannot change its prefix or number width; import it after today.`,
  },
  service_has_waiting: {
    status: 409,
    vi: (p) => `Lĩnh vực ${p.service} còn ${p.waiting} người đang chờ; hãy phục vụ hết (hoặc tạm ngừng cấp số hôm nay) rồi mới lưu trữ.`,
    en: (p) => `${p.waiting} people still wait for ${p.service}; serve them (or stop issuing for today) before archiving it.`,
  },
  led_address_invalid: {
    status: 400,
    vi: (p) => `Địa chỉ bảng LED phải từ ${p.min} đến ${p.max}.`,
    en: (p) => `The LED board address must be from ${p.min} to ${p.max}.`,
  },
  hub_from_environment: {
    status: 409,
    vi: () => 'Liên kết máy chủ thành phố đang đặt bằng biến môi trường QMS_HUB_URL / QMS_HUB_KEY; hãy sửa ở đó (trang này không thay được).',
    en: () => 'The city hub link is set by the environment (QMS_HUB_URL / QMS_HUB_KEY); change it there (this page cannot).',
  },
  led_address_taken: {
    status: 409,
    vi: (p) => `Địa chỉ bảng LED ${p.address} đã dùng cho quầy ${p.counter}; hãy chọn địa chỉ khác.`,
    en: (p) => `LED board address ${p.address} is already used by counter ${p.counter}; choose another.`,
  },
  counter_number_taken: { status: 409, vi: (p) => `Đã có quầy số ${p.counter}; hãy chọn số khác.`, en: (p) => `There is already a counter number ${p.counter}; choose another.` },
  counter_in_use: {
    status: 409,
    vi: (p) => `Quầy ${p.counter} đang mở; hãy đóng quầy trước khi tắt.`,
    en: (p) => `Counter ${p.counter} is open; close it before disabling it.`,
  },
  username_taken: { status: 409, vi: (p) => `Tên đăng nhập "${p.username}" đã có; hãy chọn tên khác.`, en: (p) => `The username "${p.username}" is already taken; choose another.` },
  pairing_busy: {
    status: 429,
    vi: () => 'Có quá nhiều màn hình đang chờ ghép nối từ địa chỉ này. Vui lòng đợi vài phút rồi thử lại.',
    en: () => 'Too many screens from this address are waiting to be paired. Please wait a few minutes and try again.',
  },
  pairing_expired: {
    status: 404,
    vi: () => 'Mã ghép nối đã hết hạn. Màn hình sẽ hiện một mã mới.',
    en: () => 'The pairing code has expired. The screen will show a new code.',
  },
  pairing_code_wrong: {
    status: 404,
    vi: (p) => `Không có màn hình nào đang chờ với mã ${p.code}, hoặc mã đã hết hạn. Hãy xem lại mã trên màn hình.`,
    en: (p) => `No screen is waiting with code ${p.code}, or the code has expired. Check the code on the screen.`,
  },
  pairing_too_many_codes: {
    status: 429,
    vi: (p) => `Nhập sai mã ghép nối quá nhiều lần. Vui lòng thử lại sau ${p.minutes} phút.`,
    en: (p) => `Too many wrong pairing codes. Please try again in ${p.minutes} min.`,
  },
  pairing_counter_required: {
    status: 400,
    vi: () => 'Máy tính bảng đánh giá cần được gán cho một quầy: hãy chọn quầy.',
    en: () => 'A rating tablet must be assigned to a counter: choose the counter.',
  },
  unknown_device: { status: 404, vi: (p) => `Không có thiết bị "${p.id}".`, en: (p) => `There is no device "${p.id}".` },
  unknown_user: { status: 404, vi: (p) => `Không có tài khoản số ${p.id}.`, en: (p) => `There is no account ${p.id}.` },
  last_admin: {
    status: 409,
    vi: () => 'Đây là tài khoản quản trị cuối cùng còn hoạt động; hãy tạo tài khoản quản trị khác trước.',
    en: () => 'This is the last active admin account; create another admin first.',
  },
  unknown_timezone: { status: 400, vi: (p) => `Không có múi giờ "${p.timezone}".`, en: (p) => `Unknown time zone "${p.timezone}".` },
  setup_done: {
    status: 409,
    vi: () => 'Trung tâm đã được thiết lập; không thể chạy lại trình thiết lập. Hãy đăng nhập trang quản trị để thay đổi.',
    en: () => 'The center is already set up; the setup wizard cannot run again. Sign in to the admin page to change it.',
  },
  setup_required: {
    status: 409,
    vi: () => 'Trung tâm chưa được thiết lập. Hãy mở trang quản trị (/admin/) để thiết lập.',
    en: () => 'The center is not set up yet. Open the admin page (/admin/) to set it up.',
  },
  invalid_setup: { status: 400, vi: (p) => `Tệp cấu hình không hợp lệ: ${p.detailVi ?? p.detail}`, en: (p) => `The setup file is not valid: ${p.detail}` },
  unknown_voice_pack: { status: 404, vi: (p) => `Không có gói giọng đọc số ${p.id}.`, en: (p) => `There is no voice pack ${p.id}.` },
  voice_pack_in_use: {
    status: 409,
    vi: () => 'Gói giọng đọc này đang được dùng ở sảnh nên không sửa được. Hãy tạo gói mới (sao chép gói này), ghi âm lại rồi bật gói mới.',
    en: () => 'This voice pack is in use in the hall and cannot be changed. Make a new pack (a copy of this one), record again, then switch to it.',
  },
  voice_clip_name: {
    status: 400,
    vi: (p) => `Tên đoạn âm "${p.clip}" không hợp lệ: chỉ gồm chữ thường không dấu và số (cách gõ Telex, ví dụ "mowif" cho "mời").`,
    en: (p) => `The clip name "${p.clip}" is not valid: lowercase ASCII letters and digits only (the Telex spelling, e.g. "mowif" for "mời").`,
  },
  voice_too_large: {
    status: 413,
    vi: (p) => `Tệp ghi âm quá lớn; tối đa ${p.max} MB. Mỗi đoạn chỉ cần một từ, dài vài giây.`,
    en: (p) => `The recording is too large; at most ${p.max} MB. Each clip needs one word, a few seconds long.`,
  },
  voice_not_wav: {
    status: 415,
    vi: () => 'Tệp gửi lên không phải tệp WAV. Trang Giọng đọc tự chuyển bản ghi trên điện thoại (m4a, mp3, ogg…) sang WAV: hãy tải tệp lên từ trang đó.',
    en: () => 'The file sent is not a WAV file. The Voice page converts a phone recording (m4a, mp3, ogg…) to WAV itself: upload the file from that page.',
  },
  voice_format: {
    status: 400,
    vi: (p) => `Tệp WAV có định dạng không đọc được (${p.detail}). Cần PCM 8–32 bit hoặc số thực, tần số lấy mẫu 8–192 kHz.`,
    en: (p) => `The WAV file has a format that cannot be read (${p.detail}). It needs PCM 8–32 bit or float, sampled at 8–192 kHz.`,
  },
  voice_too_long: {
    status: 400,
    vi: (p) => `Bản ghi dài ${p.seconds} giây; tối đa ${p.max} giây cho một đoạn. Hãy ghi riêng từng từ.`,
    en: (p) => `The recording is ${p.seconds} s long; at most ${p.max} s per clip. Record one word at a time.`,
  },
  voice_silent: {
    status: 400,
    vi: () => 'Bản ghi không có tiếng nói (chỉ có im lặng hoặc tiếng ồn rất nhỏ). Hãy kiểm tra micrô rồi ghi lại.',
    en: () => 'The recording holds no speech (only silence or very faint noise). Check the microphone and record again.',
  },
  voice_not_saved: {
    status: 409,
    vi: (p) => `Máy chủ không lưu được đoạn âm vào thư mục ${p.dir} (${p.reason}). Hãy báo quản trị viên kiểm tra thư mục dữ liệu.`,
    en: (p) => `The server could not save the clip in ${p.dir} (${p.reason}). Ask the administrator to check the data folder.`,
  },
  ...appointmentMessages,
} satisfies Record<string, Message>;

/** The codes the API may answer with: a code without words here is a compile error where it is thrown. */
export type ErrorCode = keyof typeof messages;

/** For codes known only at run time (from the stats worker): one without words here is a server bug, not a 400. */
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(messages, code);

export type Lang = 'vi' | 'en';

export function messageFor(code: ErrorCode, params: Params, lang: Lang): { status: Message['status']; message: string } {
  const m: Message = messages[code];
  return { status: m.status, message: m[lang]({ detail: code, ...params }) };
}
