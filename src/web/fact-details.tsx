import type { Child } from 'hono/jsx';
import type { EventContent, FactType } from '../domain/catalog';
import { occurredInWords } from '../domain/dates';
import { countryName } from '../domain/relation';
import { QUALIFIER_WORDS, type RelationQualifier } from '../domain/relation-status';
import { Occurred } from './occurred';

/** What a fact's type and data say, in words: the rows of the page of a fact. Every string of it is here. */

export const TYPE_WORDS: Record<FactType, string> = {
  RelationsEstablished: 'Relations established',
  RelationsSevered: 'Relations severed',
  RelationsRestored: 'Relations restored',
  RelationsQualified: 'What a source says of relations',
  VisitMade: 'Visit',
  AgreementSigned: 'Agreement signed',
  AgreementEnded: 'Agreement ended',
  MissionOpened: 'Mission opened',
  AmbassadorAppointed: 'Ambassador appointed',
  TradeReported: 'Trade reported',
  EventNoted: 'Event',
};

const LABELS = {
  states: 'The states, as named then',
  reason: 'Reason',
  qualifier: 'Relations',
  visitor: 'Visitor',
  office: 'Office',
  journey: 'From and to',
  agreement: 'Agreement',
  kind: 'Kind',
  parties: 'Parties',
  subject: 'Subject',
  validUntil: 'Valid until',
  mission: 'Mission',
  sendingState: 'Sending state',
  receivingState: 'Receiving state',
  city: 'City',
  ambassador: 'Ambassador',
  period: 'Period',
  totalUsd: 'Total trade',
  mainExports: 'Main exports',
  validityNotStated: 'not stated by the source',
  indefinite: 'indefinite',
  exportsOf: (country: string) => `of ${country}`,
};

export type DataRow = [label: string, value: Child];

const country = (code: unknown) => countryName(String(code)) ?? String(code).toUpperCase();
const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

function validity(value: unknown): Child {
  if (value === null || value === undefined) return <span class="muted">{LABELS.validityNotStated}</span>;
  if (value === 'indefinite') return LABELS.indefinite;
  return <Occurred edtf={String(value)} />;
}

/** The rows of a fact's data, in the order a reader wants them; a value the data leaves out has no row. */
export function dataRows(fact: EventContent, relation: string): DataRow[] {
  const data = fact.data as Record<string, any>;
  const rows: (DataRow | false)[] = [];
  switch (fact.type as FactType) {
    case 'RelationsEstablished':
    case 'RelationsSevered':
    case 'RelationsRestored':
      rows.push(Array.isArray(data.states) && [LABELS.states, data.states.join(' and ')], data.reason && [LABELS.reason, data.reason]);
      break;
    case 'RelationsQualified':
      rows.push([LABELS.qualifier, QUALIFIER_WORDS[data.qualifier as RelationQualifier] ?? String(data.qualifier)]);
      break;
    case 'VisitMade':
      rows.push([LABELS.visitor, data.visitor], [LABELS.office, data.office], [LABELS.journey, `${country(data.from)} → ${country(data.to)}`]);
      break;
    case 'AgreementSigned':
      rows.push(
        [LABELS.agreement, <a href={`/v1/relations/${relation}/agreements/${data.agreementId}`}>{data.title}</a>],
        [LABELS.kind, data.kind], [LABELS.parties, (data.parties ?? []).join('; ')],
        data.subject && [LABELS.subject, data.subject], [LABELS.validUntil, validity(data.validUntil)],
      );
      break;
    case 'AgreementEnded':
      rows.push([LABELS.agreement, <a href={`/v1/relations/${relation}/agreements/${data.agreementId}`}>{data.agreementId}</a>],
        data.reason && [LABELS.reason, data.reason]);
      break;
    case 'MissionOpened':
      rows.push([LABELS.mission, data.mission], [LABELS.sendingState, country(data.sendingState)], [LABELS.city, data.city]);
      break;
    case 'AmbassadorAppointed':
      rows.push([LABELS.ambassador, data.ambassador], [LABELS.sendingState, country(data.sendingState)],
        [LABELS.receivingState, country(data.receivingState)]);
      break;
    case 'TradeReported':
      rows.push([LABELS.period, occurredInWords(data.period)], [LABELS.totalUsd, usd.format(data.totalUsd)],
        data.mainExports && [LABELS.mainExports, (
          <ul>{Object.entries(data.mainExports as Record<string, string[]>).map(([code, goods]) => (
            <li>{LABELS.exportsOf(country(code))}: {goods.join(', ')}</li>
          ))}</ul>
        )]);
      break;
    case 'EventNoted':
      break;
  }
  return rows.filter((row): row is DataRow => Boolean(row));
}

/** A field's value as a history entry shows what a correction changed. */
export function valueInWords(field: string, value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (field === 'occurred' && typeof value === 'string') return occurredInWords(value);
  if (field === 'source' && typeof value === 'object') return (value as { title: string }).title;
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
