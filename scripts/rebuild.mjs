// `npm run rebuild [-- pageSize] [--url …] [--key …]`: rebuilds every view from the log, through the same
// endpoints used in production, with a credential of the admin scope (see scripts/service/options.mjs: by
// default the local server of npm start and its ADMIN_TOKEN): POST /v1/admin/rebuild starts the Workflow,
// GET /v1/admin/rebuilds/{id} follows it. Shows a progress bar until it ends, then the summary.
import { followRebuild, rebuildSummary } from './service/follow-rebuild.mjs';
import { expectJson, request, script, serviceOptions } from './service/options.mjs';

await script(async () => {
  const service = serviceOptions('npm run rebuild -- [pageSize] [--url <service>] [--key <admin key or ADMIN_TOKEN>]');
  const [pageSize] = service.positionals;
  const query = pageSize ? `?pageSize=${encodeURIComponent(pageSize)}` : '';
  const response = await request(service, `/v1/admin/rebuild${query}`, { method: 'POST' });
  const started = await expectJson(response, [200, 202], 'POST /v1/admin/rebuild');
  console.log(response.status === 202
    ? `rebuild ${started.id} started (${started.pageSize} events a step)`
    : `a rebuild is already running: following ${started.id}`);
  console.log(rebuildSummary(await followRebuild(service, started)));
});
