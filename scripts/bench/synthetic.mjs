// Synthetic events that the catalog accepts, for loads that need many of them, and the rows the log
// stores for them (for the bench-only bare insert).
import { randomUUID } from 'node:crypto';

const SOURCE = { title: 'Synthetic source', publisher: 'Bench', url: 'https://example.org/bench' };

const about = (headline) => ({
  summary: 'A synthetic event recorded by the bench.',
  tags: ['bench'],
  places: ['Mexico City'],
  participants: [],
  level: 'federal',
  source: SOURCE,
  headline,
});

/** A valid EventNoted of month precision; `n` makes its headline (and so its digest) unique. */
export function notedEvent(n) {
  return { type: 'EventNoted', occurred: '1943-06', ...about(`Synthetic event ${n}`), data: {} };
}

const pad = (number) => String(number).padStart(2, '0');

/** A day between 1800 and 2025 that moves through every day of the year as `n` grows. */
function dayOf(n) {
  return `${1800 + (n % 226)}-${pad(1 + (Math.floor(n / 7) % 12))}-${pad(1 + (n % 28))}`;
}

/**
 * The n-th event of a mixed log: mostly dated notes, and visits, agreements signed and ended,
 * missions, trade, relations established, severed and restored, corrections and retractions, in the
 * proportions of the seed data. `ids[n]` is the id of event n (amendments point at earlier ones).
 */
export function mixedEvent(n, ids) {
  const id = ids[n];
  const headline = `Synthetic event ${n}`;
  if (n % 50 === 49) {
    return { id, type: 'EventCorrected', ...about(`Correction of ${n - 40}`), data: { eventId: ids[n - 40], reason: 'a better source', changes: { headline: `Corrected event ${n - 40}` } } };
  }
  if (n % 100 === 48) {
    return { id, type: 'EventRetracted', ...about(`Retraction of ${n - 30}`), data: { eventId: ids[n - 30], reason: 'not supported by the source' } };
  }
  const occurred = dayOf(n);
  const base = { id, occurred, ...about(headline) };
  switch (n % 20) {
    case 12:
    case 13:
      return { ...base, type: 'VisitMade', data: { visitor: `Visitor ${n}`, office: 'Minister of Foreign Affairs', from: 'mx', to: 'ru' } };
    case 14:
    case 15:
      return {
        ...base,
        type: 'AgreementSigned',
        occurred: n % 40 < 20 ? occurred.slice(0, 4) : occurred,
        data: {
          agreementId: `bench-${n}`, title: `Agreement ${n}`, kind: 'agreement', parties: ['Party A', 'Party B'],
          subject: 'culture', validUntil: n % 3 === 0 ? null : n % 3 === 1 ? 'indefinite' : `${1802 + (n % 226)}-12-31`,
        },
      };
    case 16:
      return { ...base, type: 'AgreementEnded', data: { agreementId: `bench-${n - 2}`, reason: 'denounced' } };
    case 17:
      return { ...base, type: 'MissionOpened', data: { mission: 'consulate', sendingState: 'mx', city: `City ${n}` } };
    case 18:
      return { ...base, type: 'TradeReported', occurred: occurred.slice(0, 4), data: { period: occurred.slice(0, 4), totalUsd: 1000 + n } };
    case 19:
      return { ...base, type: ['RelationsEstablished', 'RelationsSevered', 'RelationsRestored'][Math.floor(n / 20) % 3], data: {} };
    default:
      return { ...base, type: 'EventNoted', data: {} };
  }
}

/** `count` mixed events with fresh ids. */
export function mixedEvents(count) {
  const ids = Array.from({ length: count }, () => randomUUID());
  return ids.map((_, n) => mixedEvent(n, ids));
}

/** The first and last day of a day-, month- or year-precision date (the only precisions made here). */
function span(occurred) {
  const [year, month] = occurred.split('-').map(Number);
  if (occurred.length === 4) return [`${occurred}-01-01`, `${occurred}-12-31`];
  if (occurred.length === 7) return [`${occurred}-01`, `${occurred}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`];
  return [occurred, occurred];
}

/** The row the log stores for `event` (amendments without a date happened the day they are recorded). */
export function rowOf(event, schema, today) {
  const occurred = event.occurred ?? today;
  const [occurredEarliest, occurredLatest] = span(occurred);
  return {
    id: event.id,
    type: event.type,
    schema,
    occurred,
    occurredEarliest,
    occurredLatest,
    headline: event.headline,
    summary: event.summary,
    tags: JSON.stringify(event.tags),
    places: JSON.stringify(event.places),
    participants: JSON.stringify(event.participants),
    level: event.level,
    data: JSON.stringify(event.data),
    source: JSON.stringify(event.source),
    actor: 'bench',
    digest: 'f'.repeat(64),
  };
}
