import type { Child } from 'hono/jsx';
import type { EventContent, FactType } from '../domain/catalog';
import type { Words } from '../i18n/words';
import { Recorded } from './fact-text';
import { Occurred } from './occurred';

/** What a fact's type and data say, in words of the page's language: the rows of the page of a fact. */

export type DataRow = [label: string, value: Child];

function validity(words: Words, value: unknown): Child {
  if (value === null || value === undefined) return <span class="muted">{words.t('label.validityNotStated')}</span>;
  if (value === 'indefinite') return words.t('agreements.indefinite');
  return <Occurred words={words} edtf={String(value)} />;
}

/** The rows of a fact's data, in the order a reader wants them; a value the data leaves out has no row. */
export function dataRows(words: Words, fact: EventContent, relation: string): DataRow[] {
  const data = fact.data as Record<string, any>;
  const country = (code: unknown) => words.country(String(code));
  const usd = new Intl.NumberFormat(words.language, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  const label = (key: string) => words.t(`label.${key}`);
  const recorded = (text: unknown) => <Recorded words={words} text={text} />;
  const rows: (DataRow | false)[] = [];
  switch (fact.type as FactType) {
    case 'RelationsEstablished':
    case 'RelationsSevered':
    case 'RelationsRestored':
      rows.push(Array.isArray(data.states) && [label('states'), data.states.join(words.t('event.and'))], data.reason && [label('reason'), recorded(data.reason)]);
      break;
    case 'RelationsQualified':
      rows.push([label('qualifier'), words.t(`qualifier.${data.qualifier}.title`)]);
      break;
    case 'VisitMade':
      rows.push([label('visitor'), recorded(data.visitor)], [label('office'), recorded(data.office)], [label('journey'), `${country(data.from)} → ${country(data.to)}`]);
      break;
    case 'AgreementSigned':
      rows.push(
        [label('agreement'), <a href={`/v1/relations/${relation}/agreements/${data.agreementId}`}>{recorded(data.title)}</a>],
        [label('kind'), recorded(data.kind)], [label('parties'), recorded((data.parties ?? []).join('; '))],
        data.subject && [label('subject'), recorded(data.subject)], [label('validUntil'), validity(words, data.validUntil)],
      );
      break;
    case 'AgreementEnded':
      rows.push([label('agreement'), <a href={`/v1/relations/${relation}/agreements/${data.agreementId}`}>{data.agreementId}</a>],
        data.reason && [label('reason'), recorded(data.reason)]);
      break;
    case 'MissionOpened':
      rows.push([label('mission'), recorded(data.mission)], [label('sendingState'), country(data.sendingState)], [label('city'), recorded(data.city)]);
      break;
    case 'AmbassadorAppointed':
      rows.push([label('ambassador'), recorded(data.ambassador)], [label('sendingState'), country(data.sendingState)],
        [label('receivingState'), country(data.receivingState)]);
      break;
    case 'TradeReported':
      rows.push([label('period'), words.date(data.period)], [label('totalUsd'), usd.format(data.totalUsd)],
        data.mainExports && [label('mainExports'), (
          <ul>{Object.entries(data.mainExports as Record<string, string[]>).map(([code, goods]) => (
            <li>{words.t('label.exportsOf', { country: country(code) })}: {recorded(goods.join(', '))}</li>
          ))}</ul>
        )]);
      break;
    case 'EventNoted':
      break;
  }
  return rows.filter((row): row is DataRow => Boolean(row));
}

/** A field's value as a history entry shows what a correction changed. */
export function valueInWords(words: Words, field: string, value: unknown): string {
  if (value === null || value === undefined) return words.t('label.none');
  if (field === 'occurred' && typeof value === 'string') return words.date(value);
  if (field === 'source' && typeof value === 'object') return (value as { title: string }).title;
  if (Array.isArray(value)) return value.length ? value.join(', ') : words.t('label.none');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
