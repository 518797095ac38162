import { useLang } from '@qms/ui-kit';

/** The voice studio's words, Vietnamese first. */
const words = {
  'title': ['Giọng đọc của trung tâm', 'The center’s own voice'],
  'intro': [
    'Ghi giọng một cán bộ của trung tâm cho từng từ màn hình gọi số cần đọc. Máy chủ tự cắt khoảng lặng, đưa mọi đoạn về cùng một độ lớn (−18 LUFS) rồi lưu thành một gói. Nghe thử cả câu gọi, rồi bật gói cho sảnh. Từ nào chưa ghi thì đọc bằng giọng mặc định.',
    'Record one of the center’s officers saying each word the hall display needs. The server trims the silence, brings every clip to the same loudness (−18 LUFS) and stores them as a pack. Preview a whole call, then switch the hall to the pack. A word not recorded is said with the default voice.',
  ],
  'mic.note': [
    'Micrô chỉ dùng được khi trang được mở bằng https:// hoặc http://localhost (ngay trên máy chủ). Trên máy khác trong mạng nội bộ (http://192.168…), hãy ghi âm bằng điện thoại rồi bấm “Tải tệp lên”: cách này dùng được ở mọi nơi.',
    'The microphone works only when this page is opened over https:// or at http://localhost (on the server PC itself). On another PC of the LAN (http://192.168…), record on a phone and press “Upload”: that works anywhere.',
  ],
  'mic.blocked': ['Trang này đang mở qua http thường nên trình duyệt chặn micrô: hãy dùng “Tải tệp lên”.', 'This page is open over plain http, so the browser blocks the microphone: use “Upload”.'],
  'mic.ready': ['Micrô dùng được trên trang này.', 'The microphone can be used on this page.'],
  'packs': ['Các gói giọng đọc', 'Voice packs'],
  'pack.default': ['Giọng mặc định (espeak-ng)', 'Default voice (espeak-ng)'],
  'pack.active': ['đang dùng ở sảnh', 'in use in the hall'],
  'pack.draft': ['bản nháp', 'draft'],
  'pack.clips': ['{n} đoạn đã ghi', '{n} clips recorded'],
  'pack.lost': ['{n} đoạn mất tệp', '{n} clips lost their file'],
  'pack.new': ['Tạo gói mới', 'New pack'],
  'pack.name': ['Tên gói', 'Pack name'],
  'pack.namePlaceholder': ['Ví dụ: Giọng chị Lan, tháng 12', 'e.g. Ms Lan’s voice, December'],
  'pack.copy': ['Chép các đoạn của gói đang dùng', 'Copy the clips of the pack in use'],
  'pack.edit': ['Mở', 'Open'],
  'pack.locked': ['Gói này đang dùng ở sảnh nên không sửa được. Muốn sửa, hãy tạo gói mới có chép các đoạn của gói này.', 'This pack is in use in the hall and cannot be changed. To change it, make a new pack copying its clips.'],
  'activate': ['Dùng gói này ở sảnh', 'Use this pack in the hall'],
  'activate.default': ['Quay về giọng mặc định', 'Back to the default voice'],
  'activated': ['Đã bật. Mọi màn hình gọi số đọc bằng gói “{name}” từ lượt gọi tiếp theo.', 'Switched. Every hall display speaks with “{name}” from its next call.'],
  'activated.default': ['Đã quay về giọng mặc định ở mọi màn hình.', 'Every display is back to the default voice.'],
  'figures': ['Đã ghi {done}/{total} đoạn cần thiết. Độ lớn: {min} … {max} LUFS (chênh {spread} LU).', '{done}/{total} needed clips recorded. Loudness: {min} … {max} LUFS (spread {spread} LU).'],
  'preview': ['Nghe thử câu gọi', 'Preview a call'],
  'preview.number': ['Số vé', 'Ticket number'],
  'preview.counter': ['Quầy', 'Counter'],
  'preview.play': ['Nghe thử', 'Play'],
  'preview.playing': ['Đang đọc…', 'Playing…'],
  'preview.fromDefault': ['Giọng mặc định cho: {words}', 'Default voice for: {words}'],
  'preview.allRecorded': ['Mọi từ của câu này đều là giọng đã ghi.', 'Every word of this call is a recorded one.'],
  'preview.digits': ['Thiếu một từ của số nên số được đọc từng chữ số.', 'A word of the number is missing, so it is read digit by digit.'],
  'preview.chime': ['Không đọc được số nên chỉ có tiếng chuông.', 'The number cannot be said, so only the chime plays.'],
  'group.sentence': ['Câu gọi', 'The call sentence'],
  'group.numbers': ['Chữ số và số đếm', 'Digits and number words'],
  'group.letters': ['Chữ cái của tiền tố', 'Letters of the prefixes'],
  'group.counters': ['Số quầy', 'Counter numbers'],
  'group.variants': ['Từ của miền kia (không bắt buộc)', 'The other region’s words (optional)'],
  'group.chime': ['Tiếng chuông (không bắt buộc)', 'The chime (optional)'],
  'group.fields': ['Tên lĩnh vực (không bắt buộc)', 'Field names (optional)'],
  'counters.note': ['Quầy {list} được đọc bằng các chữ số ở trên.', 'Counters {list} are read with the number words above.'],
  'clip.default': ['giọng mặc định', 'default voice'],
  'clip.lost': ['mất tệp ghi âm: đang đọc bằng giọng mặc định, hãy ghi lại', 'recording file lost: the default voice says it; record it again'],
  'clip.recorded': ['{lufs} LUFS · {seconds} giây', '{lufs} LUFS · {seconds} s'],
  'clip.listen': ['Nghe', 'Listen'],
  'clip.record': ['Ghi âm', 'Record'],
  'clip.stop': ['Dừng', 'Stop'],
  'clip.retake': ['Ghi lại', 'Retake'],
  'clip.upload': ['Tải tệp lên', 'Upload'],
  'clip.remove': ['Xoá', 'Remove'],
  'clip.saving': ['Đang chuẩn hoá…', 'Normalising…'],
  'clip.saved': ['Đã lưu “{word}”: {lufs} LUFS, đỉnh {peak} dBFS (bản ghi gốc {input} LUFS).', 'Saved “{word}”: {lufs} LUFS, peak {peak} dBFS (as recorded {input} LUFS).'],
  'clip.unreadable': ['Trình duyệt không đọc được tệp này như âm thanh. Hãy chọn tệp ghi âm (m4a, mp3, wav, ogg).', 'The browser cannot read this file as audio. Choose a recording (m4a, mp3, wav, ogg).'],
  'clip.micDenied': ['Không mở được micrô: {reason}', 'The microphone could not be opened: {reason}'],
  'level': ['Mức âm vào', 'Input level'],
  'loading': ['Đang tải…', 'Loading…'],
  'readOnly': ['Tài khoản quản lý chỉ nghe thử được; chỉ quản trị viên ghi âm và bật gói.', 'Managers can listen; only an administrator records and switches packs.'],
} as const;

export type VoiceWordKey = keyof typeof words;

export function useVoiceWords() {
  const { lang } = useLang();
  const w = (key: VoiceWordKey, params: Record<string, string | number> = {}) =>
    words[key][lang === 'vi' ? 0 : 1].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { w, lang };
}
