import type { Source } from '../domain/catalog';
import { citationDetails } from '../domain/citation';
import { eventPagePath, factPagePath } from '../domain/pages';
import { linkable } from '../domain/text';
import type { Words } from '../i18n/words';
import type { AmendedEvent, FeedEntry } from '../store/feed-entries';
import { escapeXml } from './xml';

/** One entry of a feed, whatever the format: everything a renderer needs, already worded in the feed's language. */
export interface FeedItem {
  /** `urn:uuid:<event id>`: stable forever. */
  id: string;
  title: string;
  /** The page of the fact (of the fact amended, for a correction or retraction, at its entry in the history). */
  url: string;
  /** The event as JSON. */
  eventUrl: string;
  /** The cited source, when it has a URL. */
  sourceUrl: string | null;
  recorded: string;
  /** Who recorded it: the name on the editor's key (`admin` for the ADMIN_TOKEN). */
  author: string;
  kind: 'fact' | 'correction' | 'retraction' | 'translation';
  /** The language of its headline and summary (BCP 47), which may not be the feed's: see `FeedEntry.textLanguage`. */
  language: string;
  /** The event a correction or retraction amends. */
  amends: { id: string; eventUrl: string } | null;
  categories: string[];
  summary: string | null;
  html: string;
  text: string;
}

/** "1 December 1890 — headline": the historical date in words, never a day the source does not give. */
function entryTitle(words: Words, event: { occurred: string; headline: string }): string {
  return `${words.date(event.occurred)} — ${event.headline}`;
}

/** Where the entry's links go: the pages of the feed's language (`origin/es`), or those without a prefix. */
export interface FeedPlaces {
  origin: string;
  pages: string;
}

/** What an amendment is, by its type. */
const AMENDMENT_KINDS: Partial<Record<string, FeedItem['kind']>> = {
  EventCorrected: 'correction', EventRetracted: 'retraction', EventTranslated: 'translation',
};

export function feedItem(entry: FeedEntry, { origin, pages }: FeedPlaces, words: Words): FeedItem {
  const { t } = words;
  const kind = AMENDMENT_KINDS[entry.type] ?? 'fact';
  const targetId = (entry.data as { eventId?: string }).eventId;
  const paragraphs = [
    ...amendmentParagraphs(words, entry, kind, pages),
    ...(entry.summary ? [text(entry.summary)] : []),
    ...(entry.participants.length ? [text(t('feed.participants', { list: entry.participants.join(', ') }))] : []),
    ...(entry.places.length ? [text(t('feed.places', { list: entry.places.join(', ') }))] : []),
    citation(words, entry.source),
  ];
  return {
    id: `urn:uuid:${entry.id}`,
    title: entryTitle(words, entry),
    url: `${pages}${eventPagePath(entry)}`,
    eventUrl: `${origin}/v1/events/${entry.id}`,
    sourceUrl: entry.source.url ? linkable(entry.source.url) : null,
    recorded: entry.recorded,
    author: entry.actor,
    kind,
    language: entry.textLanguage,
    amends: kind !== 'fact' && targetId ? { id: `urn:uuid:${targetId}`, eventUrl: `${origin}/v1/events/${targetId}` } : null,
    categories: [entry.relation, entry.type, ...entry.tags, ...(kind === 'fact' ? [] : [kind])],
    summary: entry.summary,
    html: paragraphs.map((paragraph) => `<p>${paragraph.html}</p>`).join('\n'),
    text: paragraphs.map((paragraph) => paragraph.text).join('\n\n'),
  };
}

interface Paragraph {
  html: string;
  text: string;
}

const text = (words: string): Paragraph => ({ html: escapeXml(words), text: words });

function link(href: string, words: string): Paragraph {
  return { html: `<a href="${escapeXml(href)}">${escapeXml(words)}</a>`, text: `${words} <${href}>` };
}

function joined(...parts: Paragraph[]): Paragraph {
  return { html: parts.map((part) => part.html).join(''), text: parts.map((part) => part.text).join('') };
}

/** A correction, a retraction or a translation says so first, and links to the entry it amends. */
function amendmentParagraphs(words: Words, entry: FeedEntry, kind: FeedItem['kind'], pages: string): Paragraph[] {
  if (kind === 'fact') return [];
  const { t } = words;
  const data = entry.data as { eventId: string; reason?: string; changes?: Record<string, unknown>; language?: string; translator?: string };
  const target = entry.amends ?? ({ id: data.eventId, occurred: '', headline: data.eventId } as AmendedEvent);
  const targetWords = target.occurred ? entryTitle(words, target) : target.headline;
  const language = data.language ? new Intl.DisplayNames([words.language], { type: 'language' }).of(data.language) ?? data.language : '';
  const lead = words.parts(`feed.${kind}`, { entry: link(`${pages}${factPagePath(entry.relation, data.eventId)}`, `“${targetWords}”`) }, { id: data.eventId, language })
    .map((part) => (typeof part === 'string' ? text(part) : part));
  const paragraphs = [joined(...lead)];
  if (data.reason) paragraphs.push(text(t('feed.reason', { reason: data.reason })));
  if (data.translator) paragraphs.push(text(t('feed.translator', { translator: data.translator })));
  if (data.changes) paragraphs.push(text(t('feed.corrected', { fields: Object.keys(data.changes).join(', ') })));
  return paragraphs;
}

function citation(words: Words, source: Source): Paragraph {
  const details = citationDetails(source);
  const url = source.url ? linkable(source.url) : null;
  const title = url ? link(url, source.title) : text(source.title);
  return joined(text(`${words.t('facts.source')} `), title, text(details ? ` (${details})` : ''));
}
