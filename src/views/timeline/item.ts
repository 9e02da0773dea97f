import { z } from 'zod';
import { EventContent, FACT_TYPES } from '../../domain/catalog';
import { occurredInWords, PRECISIONS } from '../../domain/dates';
import { fromColumns } from '../../store/event-columns';

/**
 * A timeline item: a live fact as every reader of the timeline shows it. Its row keeps it ready as JSON
 * (`item`), made when the fact is projected and amended with each correction, so a read sends it on as it is.
 */

/** A live fact as the timeline shows it: what the event says, as corrected, and how it is dated. */
export const TimelineItem = EventContent.extend({
  type: z.enum(FACT_TYPES).describe('a fact: corrections and retractions are applied, never listed'),
  precision: z.enum(PRECISIONS),
  occurredInWords: z.string(),
  links: z.object({ event: z.string() }),
});
export type TimelineItem = z.output<typeof TimelineItem>;

/**
 * A fact's date in words, as its timeline row keeps it; worked out here only for a row projected before
 * the timeline kept it, until the rebuild that fills it in.
 */
export const inWords = (row: { occurred: string; occurred_in_words: string | null }) =>
  row.occurred_in_words ?? occurredInWords(row.occurred);

/** The item a timeline row's columns describe: the event's content, its date in words, its link. */
export function itemOfColumns(row: Record<string, unknown>): TimelineItem {
  const { event_id, relation, position, earliest, latest, sort_day, occurred_in_words, item: _, ...content } = row;
  const item = { id: event_id, ...fromColumns<Omit<TimelineItem, 'id' | 'occurredInWords' | 'links'>>(content) } as TimelineItem;
  const words = inWords({ occurred: item.occurred, occurred_in_words: occurred_in_words as string | null });
  return { ...item, occurredInWords: words, links: { event: `/v1/events/${item.id}` } };
}

/**
 * A timeline row's item as JSON text: the one it keeps, or for a row projected before the timeline kept
 * them (until the rebuild that fills them in), made from its columns.
 */
export const itemJson = (row: Record<string, unknown>): string =>
  typeof row.item === 'string' ? row.item : JSON.stringify(itemOfColumns(row));

/** A timeline row's item. */
export const timelineItem = (row: Record<string, unknown>): TimelineItem =>
  typeof row.item === 'string' ? JSON.parse(row.item) : itemOfColumns(row);
