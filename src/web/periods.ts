import { readOccurred } from '../domain/dates';
import type { StatusPeriod } from '../domain/relation-status';
import type { Words } from '../i18n/words';
import type { TimelineItem } from '../views/timeline/item';

/** A stretch of the timeline under one state of relations. */
export interface TimelineGroup {
  heading: string;
  items: TimelineItem[];
}

const firstDay = (edtf: string) => {
  const { earliest, latest } = readOccurred(edtf);
  return (earliest ?? latest) as string;
};

function periodHeading(words: Words, period: StatusPeriod<unknown>): string {
  const until = period.until ? words.date(period.until) : words.t('periods.today');
  return words.t('periods.heading', { name: words.t(`period.${period.status}`), from: words.date(period.from), until });
}

/**
 * The timeline (in the order things happened) cut where the state of relations changed: each event
 * goes to the period that had begun by the first day its date can mean. Pure.
 */
export function groupByPeriod(words: Words, items: TimelineItem[], periods: StatusPeriod<unknown>[]): TimelineGroup[] {
  const starts = periods.map((period) => firstDay(period.from));
  const groups: TimelineGroup[] = [
    { heading: words.t(periods.length ? 'periods.before' : 'periods.every'), items: [] },
    ...periods.map((period) => ({ heading: periodHeading(words, period), items: [] as TimelineItem[] })),
  ];
  for (const item of items) {
    const day = firstDay(item.occurred);
    const index = starts.findLastIndex((start) => start <= day);
    groups[index + 1].items.push(item);
  }
  return groups.filter((group) => group.items.length > 0);
}
