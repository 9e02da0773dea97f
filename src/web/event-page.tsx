import type { Source } from '../domain/catalog';
import { citationDetails } from '../domain/citation';
import { readOccurred } from '../domain/dates';
import type { Amendment, FactHistory } from '../domain/fact-history';
import { amendmentAnchor } from '../domain/pages';
import { linkable } from '../domain/text';
import { plainCitation, type CitedFact } from '../feeds/citation';
import { LOG_LANGUAGE } from '../i18n/languages';
import { dataRows, valueInWords } from './fact-details';
import { Fact, Recorded, type FactTexts } from './fact-text';
import { feedAlternates, Layout } from './layout';
import { Occurred } from './occurred';
import { languageUrl, withLang, type PageWords } from './page-words';
import { SourceLink } from './source-link';

/** The page of one fact, as a reader cites it: what it says, its source, who recorded it, its history. */

export interface EventPageProps {
  words: PageWords;
  relation: string;
  name: string;
  history: FactHistory;
  /** The fact cited: its page's absolute URL and the day it is read. */
  cited: CitedFact;
  /** The relation page's timeline from the fact's day, at its entry; null when the fact is retracted (it is in no timeline). */
  timelineHref: string | null;
}

/** "1 December 1890, 14:05": an instant of the log (UTC), in the page's words. */
const instantInWords = (words: PageWords, instant: string) => `${words.day(instant.slice(0, 10))}, ${instant.slice(11, 16)}`;

export function EventPage({ words, relation, name, history, cited, timelineHref }: EventPageProps) {
  const { t } = words;
  const fact = history.current;
  // In a language the fact is translated into, its headline and summary are the translation's.
  const translation = history.translations.find((text) => text.language === words.language);
  const texts: FactTexts = translation
    ? { headline: translation.headline, summary: translation.summary, textLanguage: translation.language }
    : fact;
  const dated = readOccurred(fact.occurred);
  const qualifier = [dated.approximate && t('event.approximate'), dated.uncertain && t('event.uncertain')].filter(Boolean).join(t('event.and'));
  const retraction = history.retraction;
  return (
    <Layout
      words={words}
      title={t('event.title', { headline: texts.headline, name })}
      description={t('event.description', { when: words.date(fact.occurred), name })}
      alternates={feedAlternates(words, `/v1/relations/${relation}`, t('relation.heading', { name }))}
      canonical={cited.url}
      kind="article"
    >
      <article aria-labelledby="fact-heading" data-retracted={retraction ? 'true' : 'false'}>
        {retraction ? (
          <div class="notice notice-retracted" id="retracted">
            <p><strong>{t('event.retracted', { day: words.day(retraction.recorded.slice(0, 10)) })}</strong> {t('event.retractedNote')}</p>
            <p>{t('event.reason')} {retraction.reason}</p>
          </div>
        ) : null}
        <p class="when"><Occurred words={words} edtf={fact.occurred} /></p>
        <h1 id="fact-heading"><Fact words={words} item={texts} field="headline" text={retraction ? <s>{texts.headline}</s> : undefined} /></h1>
        {texts.summary ? <p class="lead"><Fact words={words} item={texts} field="summary" /></p> : null}
        {translation ? (
          <p class="muted" id="translation">
            {t('event.translatedBy', { translator: translation.translator })} <span lang={LOG_LANGUAGE}>{fact.headline}</span>
          </p>
        ) : null}
        <dl class="facts">
          <dt>{t('event.when')}</dt>
          <dd>
            <Occurred words={words} edtf={fact.occurred} />{' '}
            <span class="muted">({t(`precision.${dated.precision}`)}{qualifier ? `, ${qualifier}` : ''}; EDTF <code>{fact.occurred}</code>)</span>
          </dd>
          <dt>{t('event.type')}</dt>
          <dd>{t(`type.${fact.type}`)}</dd>
          {dataRows(words, fact, relation).map(([label, value]) => <><dt>{label}</dt><dd>{value}</dd></>)}
          {fact.participants.length ? <><dt>{t('event.participants')}</dt><dd><Recorded words={words} text={fact.participants.join('; ')} /></dd></> : null}
          {fact.places.length ? <><dt>{t('event.places')}</dt><dd><Recorded words={words} text={fact.places.join('; ')} /></dd></> : null}
          <dt>{t('event.level')}</dt>
          <dd>{t(`level.${fact.level}`)}</dd>
          {fact.tags.length ? <><dt>{t('event.tags')}</dt><dd>{fact.tags.join(', ')}</dd></> : null}
        </dl>
        <SourceSection words={words} source={fact.source} />
        <section aria-labelledby="record-heading">
          <h2 id="record-heading">{t('event.record')}</h2>
          <p>
            {t('event.recorded', { actor: history.recorded.actor, when: instantInWords(words, history.recorded.recorded) })}{' '}
            {t('event.version', { version: history.recorded.version, position: history.recorded.position })}
          </p>
          <HistorySection words={words} amendments={history.amendments} />
        </section>
        <section aria-labelledby="cite-heading">
          <h2 id="cite-heading">{t('event.cite')}</h2>
          <p>{t('event.citeIntro')}</p>
          <p class="citation" id="citation">{plainCitation({ ...cited, url: languageUrl(cited.url, words.language) }, words, <Fact words={words} item={texts} field="headline" />)}</p>
          <ul class="inline">
            <li><a href={`/v1/events/${fact.id}/citation.csl.json`} download={`${fact.id}.csl.json`}>CSL-JSON</a></li>
            <li><a href={`/v1/events/${fact.id}/citation.bib`} download={`${fact.id}.bib`}>BibTeX</a></li>
          </ul>
        </section>
        <nav aria-label={t('event.elsewhere')}>
          <ul>
            <li><a href={withLang(`/v1/events/${fact.id}`, words)}>{t('event.json')}</a></li>
            {timelineHref ? <li><a href={timelineHref}>{t('event.timeline')}</a></li> : null}
            <li><a href={words.href(`/${relation}`)}>{t('relation.heading', { name })}</a></li>
          </ul>
        </nav>
      </article>
    </Layout>
  );
}

function SourceSection({ words, source }: { words: PageWords; source: Source }) {
  const details = citationDetails(source);
  return (
    <section aria-labelledby="source-heading">
      <h2 id="source-heading">{words.t('event.source')}</h2>
      {source.quote ? (
        <figure class="quote">
          <blockquote cite={(source.url && linkable(source.url)) || undefined}><p>{source.quote}</p></blockquote>
          <figcaption><SourceLink source={source} />{details ? ` (${details})` : ''}</figcaption>
        </figure>
      ) : (
        <p><SourceLink source={source} />{details ? ` (${details})` : ''}</p>
      )}
    </section>
  );
}

function HistorySection({ words, amendments }: { words: PageWords; amendments: Amendment[] }) {
  const { t } = words;
  return (
    <>
      <h3>{t('event.history')}</h3>
      {amendments.length === 0 ? <p>{t('event.noHistory')}</p> : (
        <ol class="history">
          {amendments.map((amendment) => (
            <li id={amendmentAnchor(amendment.id)} data-kind={amendment.kind}>
              <p>
                <strong>{t(`event.${amendment.kind}`)}</strong>{' '}
                {t('event.amendedBy', { when: instantInWords(words, amendment.recorded), actor: amendment.actor })}
                {amendment.reason ? ` ${t('event.reason')} ${amendment.reason}` : ''}
              </p>
              {amendment.changed.length ? (
                <dl class="changes">
                  {amendment.changed.map((change) => (
                    <>
                      <dt>{t('event.changed', { field: change.field })}</dt>
                      <dd><span class="muted">{t('event.was')}</span> <del>{valueInWords(words, change.field, change.before)}</del>;{' '}
                        <span class="muted">{t('event.now')}</span> <ins>{valueInWords(words, change.field, change.after)}</ins></dd>
                    </>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
