import { february29Note, recordedDaysFallingOn, type February29Rule } from '../domain/anniversaries';
import { hoursBegunWithin } from '../domain/local-time';
import { LANGUAGES, LOG_LANGUAGE, type Language } from '../i18n/languages';
import type { Db } from '../store/db';
import { readViews } from '../views/freshness';
import { anniversariesStatement, anniversaryOfRow, type Anniversary } from '../views/on-this-day/queries';
import { filtersOfKey, matchesFilters } from './filters';
import { wantsKind } from './kinds';
import { anniversaryItem, anniversaryMessage, stableMessageId } from './messages';
import { anniversaryOutbox, AT_ITS_HOUR, originOf, type AnniversaryAudience } from './outbox';

/**
 * "On this day" at each subscriber's own hour. Every cron run looks at the hour up to its instant: in each
 * time zone that subscriptions are in, the local hours that began then (usually one; where clocks jumped
 * forward, the skipped hour too, so it is sent at the next hour; where they went back, the repeated hour
 * only the first time), and sends each subscription whose hour it is the anniversaries of its local date,
 * unless it already has them: a delivery is unique per subscription and local date, so a repeated hour, a
 * second run or a changed hour never sends a date twice. A run that finds nothing new writes nothing.
 */

const HOUR_MS = 3_600_000;
// Statements per D1 batch when fanning out: two per message.
const STATEMENTS_PER_BATCH = 100;

export interface AnniversarySettings {
  /** ANNIVERSARY_HOUR: the local hour of a subscription that chose none. */
  defaultHour: number;
  /** PUBLIC_ORIGIN, when set: the links' origin. */
  publicOrigin: string | null;
}

/** A time zone and a local hour that subscriptions to `anniversary.today` have. */
export interface ZoneHour {
  zone: string;
  hour: number;
}

/** The time zones and local hours of the subscriptions to `anniversary.today`: a cron run reads them first. */
export function anniversaryHoursStatement(db: Db, defaultHour: number): D1PreparedStatement {
  return db.prepare(
    `SELECT DISTINCT anniversary_time_zone AS zone, COALESCE(anniversary_hour, ?1) AS hour FROM webhook_subscriptions s
     WHERE enabled = 1 AND ${wantsKind("'anniversary.today'")}`,
    defaultHour,
  );
}

/** `[zone, hour, day]` for every local hour of these that began in the hour up to `at`. */
export function hoursJustBegun(hours: ZoneHour[], at: number): [string, number, string][] {
  const wanted = new Map<string, Set<number>>();
  for (const { zone, hour } of hours) wanted.set(zone, (wanted.get(zone) ?? new Set()).add(hour));
  return [...wanted].flatMap(([zone, zoneHours]) => begunIn(zone, at)
    .filter(({ hour }) => zoneHours.has(hour))
    .map(({ hour, day }) => [zone, hour, day] as [string, number, string]));
}

/** The hours of a zone that began in the hour up to `at`; none, and a word in the log, for a zone the runtime no longer knows. */
function begunIn(zone: string, at: number) {
  try {
    return hoursBegunWithin(zone, at - HOUR_MS, at);
  } catch (error) {
    console.error(`anniversary.today: the runtime knows no time zone ${zone}; its subscriptions wait until it does`, error);
    return [];
  }
}

interface Audience {
  filter_key: string;
  origin: string;
  rule: February29Rule;
  day: string;
  language: Language;
}

/**
 * The deliveries of `anniversary.today` due at `at` for subscriptions at these hours, written to the outbox:
 * when one of their hours began in the hour up to `at`, one D1 call to find who is due and the anniversaries
 * of their days, then the messages and deliveries (a message per day, filter set, origin and rule, shared by
 * every subscription it suits, in its language). Answers the new deliveries' ids.
 */
export async function anniversaryDeliveries(
  db: Db, settings: AnniversarySettings, hours: ZoneHour[], at: Date, now: Date,
): Promise<string[]> {
  const begun = hoursJustBegun(hours, at.getTime());
  if (!begun.length) return [];
  // Each day's anniversaries in every language, read with who is due in the same call.
  const reads = [...new Set(begun.map(([, , day]) => day))].flatMap((day) => LANGUAGES.map((language) => ({ day, language })));
  const [audiences, ...perRead] = await readViews(db, [
    audiencesStatement(db, JSON.stringify(begun), settings),
    ...reads.map(({ day, language }) => anniversariesStatement(db, { ...dayOf(day), rule: 'any', language })),
  ]);
  const anniversaries = new Map(reads.map(({ day, language }, index) =>
    [`${day} ${language}`, perRead[index].results.map((row) => anniversaryOfRow(row, dayOf(day).year, language))]));
  const statements: D1PreparedStatement[] = [];
  for (const audience of audiences.results as unknown as Audience[]) {
    const { year, month, day } = dayOf(audience.day);
    const items = onDay(anniversaries.get(`${audience.day} ${audience.language}`) ?? [], audience.rule, year, month, day)
      .filter((a) => matchesFilters({ relation: a.relation, types: [a.type], tags: a.tags }, filtersOfKey(audience.filter_key)));
    if (!items.length) continue;
    const body = anniversaryMessage(
      audience.day, now.toISOString(), february29Note(audience.rule, year, month, day, audience.language), items.map((a) => anniversaryItem(a, audience.origin)),
    );
    // The log's language adds nothing to the id: a message made before languages keeps its id.
    const inLanguage = audience.language === LOG_LANGUAGE ? [] : [audience.language];
    const messageId = await stableMessageId('anniversary.today', audience.day, audience.filter_key, audience.origin, audience.rule, ...inLanguage);
    const hours = JSON.stringify(begun.filter(([, , begunDay]) => begunDay === audience.day).map(([zone, hour]) => [zone, hour]));
    const target: AnniversaryAudience = {
      filterKey: audience.filter_key, origin: audience.origin, rule: audience.rule, day: audience.day, language: audience.language, hours,
      defaultHour: settings.defaultHour, publicOrigin: settings.publicOrigin,
    };
    statements.push(...anniversaryOutbox(db, messageId, body, target, now.toISOString()));
  }
  const ids: string[] = [];
  for (let start = 0; start < statements.length; start += STATEMENTS_PER_BATCH) {
    const results = await db.batch<{ id: string }>(statements.slice(start, start + STATEMENTS_PER_BATCH));
    for (const result of results) ids.push(...result.results.map((row) => row.id));
  }
  return ids;
}

/** Who is due: the subscriptions whose local hour just began, without that day's message yet, by what they share. */
function audiencesStatement(db: Db, begun: string, settings: AnniversarySettings): D1PreparedStatement {
  return db.prepare(
    `SELECT s.filter_key, ${originOf('?3')} AS origin, s.february29 AS rule, json_extract(j.value, '$[2]') AS day,
       s.anniversary_language AS language
     FROM json_each(?1) j ${AT_ITS_HOUR('?2')}
     WHERE s.enabled = 1 AND ${wantsKind("'anniversary.today'")}
       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
         WHERE d.dedupe_key = 'anniversary.today:' || json_extract(j.value, '$[2]') AND d.subscription_id = s.id)
     GROUP BY 1, 2, 3, 4, 5`,
    begun, settings.defaultHour, settings.publicOrigin ?? '',
  );
}

const dayOf = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return { year, month, day: date };
};

/** The anniversaries read for a day under every rule, narrowed to the ones a rule puts on it. */
function onDay(read: Anniversary[], rule: February29Rule, year: number, month: number, day: number): Anniversary[] {
  const days = recordedDaysFallingOn(year, month, day, rule).map((recorded) => `${recorded.month}-${recorded.day}`);
  return read.filter((a) => days.includes(`${Number(a.occurred.slice(5, 7))}-${Number(a.occurred.slice(8, 10))}`));
}
