import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blankConfig, ConfigError, demoConfigPath, loadConfig } from './config/load';
import { createLogger } from './log';
import { startServer } from './server';
import { DatabaseTooNew } from './store/migrate';

const root = fileURLToPath(new URL('../../', import.meta.url));
// `QMS_DEMO=off` without a config file: the center is set up in the browser (first-run wizard at /admin/).
const setupInBrowser = !process.env.QMS_CONFIG && process.env.QMS_DEMO === 'off';
const config = (() => {
  try {
    if (setupInBrowser) return blankConfig();
    return loadConfig(process.env.QMS_CONFIG ? resolve(process.env.QMS_CONFIG) : demoConfigPath);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // A person fixes the file: the problems in plain words, no stack trace.
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
})();
const port = Number(process.env.PORT ?? 8080);
const dataDir = resolve(process.env.QMS_DATA_DIR ?? './data');

const log = createLogger();
const server = await startServer({ config, dataDir, port, screensRoot: root, logger: log, setupInBrowser }).catch((e: unknown) => {
  // A database from a newer release: say so in plain words, without a stack trace.
  if (!(e instanceof DatabaseTooNew)) throw e;
  console.error(e.message);
  process.exit(1);
});
log.info({ port: server.port, dataDir, demo: config.demo }, 'server started');

const lanIp = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
const base = `http://${lanIp ?? 'localhost'}:${server.port}`;
const kiosk = config.devices.find((d) => d.kind === 'kiosk');
const display = config.devices.find((d) => d.kind === 'display');
const rating = config.devices.find((d) => d.kind === 'rating');
const tokenQuery = (d: { token: string } | undefined, extra = '') => (config.demo && d ? `?token=${d.token}${extra}` : extra ? `?${extra.slice(1)}` : '');
if (server.floor.setup.needed()) {
  console.log(`\nTrung tâm chưa được thiết lập: mở ${base}/admin/ để thiết lập.\nThe center is not set up yet: open ${base}/admin/ to set it up.\n`);
} else console.log(`
${server.floor.config.center.name}${config.demo ? '  [DEMO]' : ''}
Dữ liệu / data: ${dataDir}

  Máy lấy số / kiosk        ${base}/kiosk/${tokenQuery(kiosk)}
  Màn hình gọi số / display ${base}/display/${tokenQuery(display)}
  Quầy / desk               ${base}/desk/?counter=1
  Đánh giá / rating tablet  ${base}/rating/${tokenQuery(rating, `&counter=${rating?.counterId ?? 1}`)}
  Quản lý / admin           ${base}/admin/
  API                       ${base}/api/openapi.json
${config.demo ? `\n  Tài khoản demo / demo accounts: admin/admin, quanly/123456, canbo1…canbo6/123456 (quầy 1…6)\n` : ''}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
