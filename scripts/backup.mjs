// `npm run backup -- [--url <service>] [--key <admin key or ADMIN_TOKEN>] [--out FILE]`: writes the whole log
// (GET /v1/admin/export) to a file, with a progress bar; by default the file the service names, here.
import { stat } from 'node:fs/promises';
import { exportToFile } from './service/export-file.mjs';
import { script, serviceOptions } from './service/options.mjs';
import { progressBar } from './service/progress-bar.mjs';

await script(async () => {
  const service = serviceOptions('npm run backup -- [--url <service>] [--key <admin key or ADMIN_TOKEN>] [--out FILE]', {
    out: { type: 'string' },
  });
  const bar = progressBar('events');
  const { file, header, end } = await exportToFile(service, service.values.out, (done, total) => bar.show(done, total));
  bar.end();
  const megabytes = ((await stat(file)).size / 1e6).toFixed(1);
  console.log(`${end.events} events of ${service.url}, through position ${header.through}, written to ${file} (${megabytes} MB)`);
});
