import { desk } from './app';
import type { DeskBindings } from './env';

/** The desk Worker: HTTP requests only (the main Worker forwards /desk and /desk/* to it). */
export default { fetch: desk.fetch } satisfies ExportedHandler<DeskBindings>;
