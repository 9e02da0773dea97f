import { relationCountries } from '../domain/relation';
import type { RelationOverview } from '../views/relation-overview';
import { LEGEND_WORDS } from './chart/legend';
import { legendSwatch } from './chart/legend-svg';
import { chartData } from './chart/rows';
import { chartSvg } from './chart/svg';
import { PAGE_CHART_WIDTH } from './styles';

/** The chart at the top of the page of a relation, drawn into the page with its legend, and a link to it as an image of its own. */

interface ChartFigureProps {
  relation: string;
  name: string;
  overview: RelationOverview;
  today: string;
  asOf: string;
}

export function ChartFigure({ relation, name, overview, today, asOf }: ChartFigureProps) {
  const chart = chartSvg(chartData(overview, {}), {
    name, relation, href: (path) => path, countries: relationCountries(relation), today, asOf, filters: {}, maxWidth: PAGE_CHART_WIDTH,
    embedding: 'page',
  });
  const image = `/v1/relations/${relation}/chart.svg?asOf=${asOf}`;
  return (
    <figure class="chart" aria-labelledby="chart-caption">
      <div class="chart-box" tabindex={0} role="region" aria-label="The chart; it scrolls sideways on a narrow screen">
        <div dangerouslySetInnerHTML={{ __html: chart.svg }} />
      </div>
      <ul class="chart-legend" aria-label="Legend">
        {chart.legend.map((key) => (
          <li data-key={key}><span dangerouslySetInnerHTML={{ __html: legendSwatch(key) }} />{LEGEND_WORDS[key]}</li>
        ))}
      </ul>
      <figcaption id="chart-caption">
        Periods of relations, agreements and visits on one time axis; point at a mark for its event and date. The dashed
        line is the day the <a href="#agreements">agreements table</a> is for. <a href={image}>The chart as SVG</a> (it
        takes <code>level</code> and <code>type</code> filters).
      </figcaption>
    </figure>
  );
}
