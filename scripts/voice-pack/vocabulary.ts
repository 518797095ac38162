import { LETTERS } from '../../display-ui/src/voice/number-reading';

/** Every word the default pack speaks: numbers, the default template, letters of prefixes, and words managers often put in a template. */
export const vocabulary: string[] = [
  ...['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'],
  ...['mười', 'mươi', 'mốt', 'lăm', 'tư', 'linh', 'lẻ', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ'],
  ...['xin', 'mời', 'công', 'dân', 'có', 'số', 'thứ', 'tự', 'đến', 'quầy'],
  ...Object.values(LETTERS).flatMap((l) => l.split(' ')),
  ...['tới', 'vé', 'bàn', 'phòng', 'tầng', 'ưu', 'tiên', 'ông', 'bà', 'anh', 'chị', 'vui', 'lòng', 'khách', 'hàng', 'nhận', 'kết', 'quả', 'nộp', 'hồ', 'sơ'],
].filter((w, i, all) => all.indexOf(w) === i);
