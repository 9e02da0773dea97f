// Where `npm start` serves, for the scripts that talk to it (`npm run rebuild`): it notes its address and
// process in DEV_SERVER_FILE once the service holds its data, and removes the note when it stops.
import { existsSync, readFileSync } from 'node:fs';

export const DEV_SERVER_FILE = '.wrangler/dev-server.json';

/** The address of the running `npm start`, or null when none is running (or its note is stale). */
export function runningDevServer(file = DEV_SERVER_FILE) {
  if (!existsSync(file)) return null;
  const { url, pid } = JSON.parse(readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 0);
    return url;
  } catch {
    return null;
  }
}
