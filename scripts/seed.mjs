// `npm run seed -- --url <service> --key <ADMIN_TOKEN or a key with events:write>`: records the seed fixtures
// through the write API, as `npm start` does locally. Running it again records nothing twice: every fixture
// event has a fixed id, and an event already in the log is answered 200 and not written again.
import { loadFixtures } from './fixtures.mjs';
import { fail, script, serviceOptions } from './service/options.mjs';

await script(async () => {
  const service = serviceOptions('npm run seed -- [--url <service>] [--key <ADMIN_TOKEN or a key with events:write>]');
  let tally;
  try {
    tally = await loadFixtures(service.url, service.key);
  } catch (error) {
    if (error.message !== 'fetch failed') fail(error.message);
    fail(`nothing answers at ${service.url} (${error.cause?.code ?? 'no connection'}): give the service's address with --url`);
  }
  console.log(`seed fixtures at ${service.url}: ${tally.recorded} events recorded, ${tally.alreadyThere} already in the log`);
});
