import type { Source } from '../domain/catalog';
import { linkable } from '../domain/text';

/** A citation's title, linking its source in the standard form of its URL (src/domain/text.ts), when it has one. */
export function SourceLink({ source }: { source: Pick<Source, 'title' | 'url'> }) {
  const url = source.url ? linkable(source.url) : null;
  return url ? <a href={url}>{source.title}</a> : <>{source.title}</>;
}
