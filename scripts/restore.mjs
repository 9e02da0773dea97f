// `npm run restore -- [--url <service>] [--key <admin key or ADMIN_TOKEN>] FILE`: restores the log from a backup
// file made by `npm run backup` (scripts/service/restore-file.mjs), with a progress bar, and follows the
// rebuild of the views. The service checks every line and refuses a file cut short or changed, naming the
// line, before it writes anything. Run again after an interruption, it carries on where it stopped; run
// again once it is done, it writes nothing.
import { followRebuild, rebuildSummary } from './service/follow-rebuild.mjs';
import { expectJson, fail, request, script, serviceOptions } from './service/options.mjs';
import { progressBar } from './service/progress-bar.mjs';
import { restoreFromFile } from './service/restore-file.mjs';

await script(async () => {
  const service = serviceOptions('npm run restore -- [--url <service>] [--key <admin key or ADMIN_TOKEN>] FILE');
  const [file] = service.positionals;
  if (!file) fail('which file? npm run restore -- FILE');
  const bar = progressBar('lines');
  let sending = false;
  const { opened, committed } = await restoreFromFile(service, file, (sent, lines) => {
    sending = true;
    bar.show(sent, lines);
  });
  if (sending) bar.end();
  if (!committed) {
    console.log(`${file} was restored into ${service.url} already (${opened.finished}): its ${opened.events} events are in the log; nothing was written`);
    return;
  }
  if (opened.received > 0) console.log(`carried on the restore ${opened.id} from line ${opened.received + 1}`);
  console.log(`restored ${committed.staged} events into ${service.url} (${committed.matched} were in the log already), through position ${committed.through}`);
  if (!committed.links.rebuild) {
    console.log('nothing was written, so the views stay as they are');
    return;
  }
  const started = await expectJson(await request(service, committed.links.rebuild), [200], `GET ${committed.links.rebuild}`);
  console.log(rebuildSummary(await followRebuild(service, started)));
});
