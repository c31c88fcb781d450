// Coverage map: a hex cartogram of UK local authorities shaded by count, and
// the table that is its accessible twin. Server-rendered SVG, no scripts, no
// external requests.
//
// Accessibility: the table is the primary way to read this data. The SVG is
// hidden from assistive technology (aria-hidden) and its 361 links are kept
// out of the tab order (tabindex=-1), so screen reader and keyboard users get
// one tidy table instead of hundreds of stops. The same links are in the table.
import type { ComponentChildren } from 'preact';
import { loadGeoData } from './domain/geo.data.ts';
import { buildCoverage, HEX_OUTLINE, hexPoints, SHADE_STEPS } from './domain/hexmap.layout.ts';
import type { CoverageLayout, HexJson } from './domain/hexmap.layout.ts';

export interface CoverageProps {
  /** Count per ONS local authority district code; missing codes count as 0. */
  counts: ReadonlyMap<string, number>;
  hrefFor: (ladCode: string) => string;
  /** What is being counted, plural, e.g. "organisations". */
  countLabel?: string;
  /** Defaults to the shipped UK local authority districts hexjson. */
  hexes?: HexJson;
}

export interface HexMapProps extends CoverageProps {
  title: string;
  /** id of the companion table, so the caption can point to it. */
  tableId?: string;
}

const defaultHexes = (): HexJson => loadGeoData().districtHexes;

/** The shared data both views render; exported so tests can prove they agree. */
export function coverageData(props: CoverageProps): CoverageLayout {
  return buildCoverage(props.hexes ?? defaultHexes(), props.counts);
}

const plural = (count: number, label: string): string => (count === 1 ? label.replace(/s$/, '') : label);

function Legend({ countLabel }: { countLabel: string }): ComponentChildren {
  return (
    <ul class="hexmap-legend" aria-label={`Key: number of ${countLabel}`}>
      {SHADE_STEPS.map((step) => (
        <li key={step.step}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="15" height="15" fill={step.fill} stroke={HEX_OUTLINE} />
          </svg>{' '}
          {step.label}
        </li>
      ))}
    </ul>
  );
}

export function HexMap({ title, tableId = 'coverage-table', countLabel = 'organisations', ...rest }: HexMapProps) {
  const layout = coverageData({ ...rest, countLabel });
  return (
    <figure class="hexmap">
      <figcaption>
        <span class="hexmap-title">{title}</span>{' '}
        <span class="hexmap-hint">
          Each hexagon is one local authority. Darker means more {countLabel}.{' '}
          <a href={`#${tableId}`}>The same information is in the table</a>.
        </span>
      </figcaption>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width * 2}
        height={layout.height * 2}
        aria-hidden="true"
        focusable="false"
        class="hexmap-svg"
      >
        {layout.cells.map((cell) => (
          <a
            key={cell.code}
            href={rest.hrefFor(cell.code)}
            tabindex={-1}
            data-code={cell.code}
            data-cx={cell.cx}
            data-cy={cell.cy}
          >
            <title>{`${cell.name}: ${cell.count} ${plural(cell.count, countLabel)}`}</title>
            <polygon
              points={hexPoints(cell.cx, cell.cy, layout.size)}
              fill={cell.shade.fill}
              stroke={HEX_OUTLINE}
              stroke-width="0.6"
            />
          </a>
        ))}
      </svg>
      <Legend countLabel={countLabel} />
    </figure>
  );
}

export interface CoverageTableProps extends CoverageProps {
  caption: string;
  id?: string;
}

export function CoverageTable({
  caption,
  id = 'coverage-table',
  countLabel = 'organisations',
  ...rest
}: CoverageTableProps) {
  const { cells } = coverageData({ ...rest, countLabel });
  return (
    <table class="coverage-table" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Local authority</th>
          <th scope="col">Region or nation</th>
          <th scope="col" class="numeric">
            Number of {countLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {cells.map((cell) => (
          <tr key={cell.code} data-code={cell.code}>
            <th scope="row">
              <a href={rest.hrefFor(cell.code)}>{cell.name}</a>
            </th>
            <td>{cell.regionName}</td>
            <td class="numeric">{cell.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
