// `npm run seed -- --url <service> --key <ADMIN_TOKEN or a key with events:write>`: records the seed fixtures
// through the write API, as `npm start` does locally. Running it again records nothing twice: every fixture
// event has a fixed id, and an event already in the log is answered 200 and not written again.
import { loadFixtures } from './fixtures.mjs';
import { fail, serviceOptions } from './service/options.mjs';

const service = serviceOptions('npm run seed -- [--url <service>] [--key <ADMIN_TOKEN or a key with events:write>]');
try {
  const { recorded, alreadyThere } = await loadFixtures(service.url, service.key);
  console.log(`seed fixtures at ${service.url}: ${recorded} events recorded, ${alreadyThere} already in the log`);
} catch (error) {
  const cause = error.cause?.code ? ` (${error.cause.code})` : '';
  fail(error.message === 'fetch failed' ? `nothing answers at ${service.url}${cause}: give the service's address with --url` : error.message);
}
