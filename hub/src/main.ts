import { startHub } from './hub';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('Thiếu DATABASE_URL (vd. postgres://qms:matkhau@localhost/qms_hub) / DATABASE_URL is not set (e.g. postgres://qms:secret@localhost/qms_hub)\n');
  process.exit(1);
}
const port = Number(process.env.HUB_PORT ?? 8090);
const hub = await startHub({ databaseUrl, port, adminPassword: process.env.HUB_ADMIN_PASSWORD }).catch((e: unknown) => {
  process.stderr.write(`Không mở được cơ sở dữ liệu / cannot open the database: ${(e as Error).message}\n`);
  process.exit(1);
});
if (hub.adminCreated) console.log('Đã tạo tài khoản quản trị thành phố "admin" / city admin "admin" created');
console.log(`Máy chủ thành phố / city hub: http://localhost:${hub.port}/api/health`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void hub.close().then(() => process.exit(0)));
