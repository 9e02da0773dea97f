import { relationCountries } from '../domain/relation';
import type { RelationOverview } from '../views/relation-overview';
import { legendSwatch } from './chart/legend-svg';
import { chartData } from './chart/rows';
import { chartSvg } from './chart/svg';
import { withLang, type PageWords } from './page-words';
import { PAGE_CHART_WIDTH } from './styles';

/** The chart at the top of the page of a relation, drawn into the page with its legend, and a link to it as an image of its own. */

interface ChartFigureProps {
  words: PageWords;
  relation: string;
  name: string;
  overview: RelationOverview;
  today: string;
  asOf: string;
}

export function ChartFigure({ words, relation, name, overview, today, asOf }: ChartFigureProps) {
  const { t } = words;
  const chart = chartSvg(chartData(overview, {}), {
    words, name, relation, href: words.href, countries: relationCountries(relation), today, asOf, filters: {}, maxWidth: PAGE_CHART_WIDTH,
    embedding: 'page',
  });
  const image = withLang(`/v1/relations/${relation}/chart.svg?asOf=${asOf}`, words);
  return (
    <figure class="chart" aria-labelledby="chart-caption">
      <div class="chart-box" tabindex={0} role="region" aria-label={t('chart.box')}>
        <div dangerouslySetInnerHTML={{ __html: chart.svg }} />
      </div>
      <ul class="chart-legend" aria-label={t('chart.legend')}>
        {chart.legend.map((key) => (
          <li data-key={key}><span dangerouslySetInnerHTML={{ __html: legendSwatch(key) }} />{t(`legend.${key}`)}</li>
        ))}
      </ul>
      <figcaption id="chart-caption">
        {words.parts('chart.caption', {
          table: <a href="#agreements">{t('chart.captionTable')}</a>,
          image: <a href={image}>{t('chart.captionImage')}</a>,
          level: <code>level</code>,
          type: <code>type</code>,
        })}
      </figcaption>
    </figure>
  );
}
