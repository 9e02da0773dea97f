import type { Source } from '../domain/catalog';
import { citationDetails } from '../domain/citation';
import { linkable } from '../domain/text';
import { occurredInWords, occurredSpan, readOccurred, type DateParts } from '../domain/dates';
import type { Words } from '../i18n/words';

/**
 * How a reader cites one record of the log: as plain text, as CSL-JSON (what Zotero, Mendeley and pandoc
 * read) and as BibTeX. The record is the log's page of the fact, published by the log when it was recorded;
 * the source it cites goes into the note. Pure.
 */

export interface CitedFact {
  id: string;
  /** "Mexico–Russia". */
  relationName: string;
  headline: string;
  /** EDTF: when it happened. */
  occurred: string;
  /** The UTC instant it was recorded: when the record was published. */
  recorded: string;
  /** YYYY-MM-DD, UTC: the day the record is read. */
  accessed: string;
  /** The absolute URL of the fact's page. */
  url: string;
  source: Source;
  /** The UTC instant it was retracted, if it was. */
  retracted: string | null;
}

export const PUBLISHER = 'Relations log';

const day = (instant: string) => instant.slice(0, 10);
const dayInWords = (instant: string) => occurredInWords(day(instant));

function sourceInWords(source: Source): string {
  return `${source.title} (${citationDetails(source)})${source.url ? `, ${linkable(source.url)}` : ''}`;
}

/** What a citation says of the fact besides its headline: when it happened, its source, a retraction. */
function note(fact: CitedFact): string {
  const retracted = fact.retracted ? ` Retracted on ${dayInWords(fact.retracted)}.` : '';
  return `Event of ${occurredInWords(fact.occurred)}, ${fact.relationName} relations. Source: ${sourceInWords(fact.source)}.${retracted}`;
}

/**
 * Relations log. “Headline.” Mexico–Russia relations, event of 1 December 1890. Recorded 3 December 2026. URL
 * (accessed 4 December 2026): in the words of the page it is read on.
 */
/** The citation in words, its headline given as `headline` (on a page: marked with its language). */
export function plainCitation<T>(fact: CitedFact, words: Words, headline: T): (string | T)[] {
  const retracted = fact.retracted ? ` ${words.t('cite.retracted', { day: words.day(day(fact.retracted)) })}` : '';
  return words.parts('cite.plain', { headline }, {
    publisher: words.t('site.name'), name: fact.relationName, when: words.date(fact.occurred),
    recorded: words.day(day(fact.recorded)), retracted, url: fact.url, accessed: words.day(fact.accessed),
  });
}

/** A day (or month, or year) as CSL's date-parts. */
const cslParts = ({ year, month, day: d }: DateParts) => [year, ...(month ? [month] : []), ...(month && d ? [d] : [])];
const cslDay = (date: string) => ({ 'date-parts': [date.split('-').map(Number)] });

/** When it happened, as precisely as the source gives it: a year stays a year, an interval has two ends. */
function cslEventDate(edtf: string) {
  const { start, end } = occurredSpan(edtf);
  const { approximate, uncertain } = readOccurred(edtf);
  return { 'date-parts': [cslParts(start), ...(end ? [cslParts(end)] : [])], ...(approximate || uncertain ? { circa: true } : {}) };
}

/** CSL-JSON (citationstyles.org): an array of one item. */
export function cslJson(fact: CitedFact): string {
  const item = {
    id: fact.id,
    type: 'webpage',
    title: fact.headline,
    'container-title': `${PUBLISHER}: ${fact.relationName} relations`,
    author: [{ literal: PUBLISHER }],
    publisher: PUBLISHER,
    issued: cslDay(day(fact.recorded)),
    accessed: cslDay(fact.accessed),
    'event-date': cslEventDate(fact.occurred),
    URL: fact.url,
    note: note(fact),
    ...(fact.retracted ? { status: 'retracted' } : {}),
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

const BIBTEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '$': '\\$', '&': '\\&', '%': '\\%', '#': '\\#', '_': '\\_',
  '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field holds it: LaTeX's special characters escaped, so that braces always balance. */
export function bibtexText(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (char) => BIBTEX_SPECIALS[char]);
}

/** A URL in `url` or `\url{}`: verbatim but for what would unbalance the field or end a LaTeX comment. */
const bibtexUrl = (url: string) => url.replace(/[{}\\%#\s]/g, (char) => encodeURIComponent(char));

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** BibTeX (@misc, which every style knows; biblatex reads its `url`, `urldate` and `date` too). */
export function bibtex(fact: CitedFact): string {
  const recorded = day(fact.recorded);
  const fields: [string, string][] = [
    ['author', `{${PUBLISHER}}`],
    // Braced again, so that a style keeps the headline's own capitals.
    ['title', `{${bibtexText(fact.headline)}}`],
    ['howpublished', `\\url{${bibtexUrl(fact.url)}}`],
    ['year', recorded.slice(0, 4)],
    ['month', MONTHS[Number(recorded.slice(5, 7)) - 1]],
    ['date', recorded],
    ['url', bibtexUrl(fact.url)],
    ['urldate', fact.accessed],
    ['note', bibtexText(note(fact))],
  ];
  const body = fields.map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`).join(',\n');
  return `% Encoding: UTF-8\n@misc{relationslog-${fact.id},\n${body}\n}\n`;
}
