import type { TicketContent } from './ticket';

/** A typical ticket of the demo center, for tests, benchmarks and the docs' picture. */
export const sampleTicket: TicketContent = {
  header: 'Trung tâm Phục vụ hành chính công phường Hải Dương',
  title: 'SỐ THỨ TỰ',
  number: '2001',
  priority: 'ƯU TIÊN — Người cao tuổi',
  serviceName: 'Chứng thực',
  counters: 'Mời đến quầy: 1, 3',
  ahead: 'Số người chờ trước bạn: 4',
  issuedAt: '08:05 — Thứ Hai, 23/11/2026',
  qrUrl: 'http://192.168.1.10:8080/t/7d0c9a4e-3b1f-4f7e-9a0e-5c2d1b8e6f01',
  qrCaption: 'Quét mã để theo dõi lượt và đánh giá',
  footer: ['Đường dây nóng: 0220 3 852 000', 'Cảm ơn quý khách!'],
};
