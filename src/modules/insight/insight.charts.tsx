// Charts drawn on the server as SVG: no client-side library, a text alternative in <title> and
// <desc>, and always a data table beside them (in the views). Colours pass 3:1 against white
// and series differ by pattern (solid / outlined) as well as colour. The same SVG goes into PDFs.
import type { VNode } from 'preact';

const INK = '#0b0c0c';
const BLUE = '#1d70b8';
const GREY = '#505a5f';
const FONT = 'Helvetica, Arial, sans-serif';

export interface ForestPlotRow {
  label: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
  weight: number | null;
  note?: string;
}
export interface ForestPlotPooled {
  estimate: number;
  ciLow: number;
  ciHigh: number;
  piLow: number | null;
  piHigh: number | null;
}

function niceTicks(low: number, high: number, count = 5): number[] {
  const span = high - low || 1;
  const step0 = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= step0) ?? step0;
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high + 1e-9; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}

const trim = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A forest plot: one line per organisation (square sized by weight), the pooled diamond, the prediction interval. */
export function ForestPlot({
  id,
  title,
  description,
  rows,
  pooled,
  unit,
}: {
  id: string;
  title: string;
  description: string;
  rows: ForestPlotRow[];
  pooled: ForestPlotPooled | null;
  unit: string;
}): VNode {
  const labelWidth = 230;
  const plotWidth = 330;
  const rightWidth = 160;
  const width = labelWidth + plotWidth + rightWidth;
  const rowHeight = 22;
  const top = 30;
  const height = top + (rows.length + (pooled ? 2 : 0)) * rowHeight + 40;
  const values = rows
    .flatMap((r) => [r.ciLow, r.ciHigh])
    .concat(pooled ? [pooled.ciLow, pooled.ciHigh, pooled.piLow ?? pooled.ciLow, pooled.piHigh ?? pooled.ciHigh] : [], [
      0,
    ]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.05 || 1;
  const x = (v: number) => labelWidth + ((v - (low - pad)) / (high - low + 2 * pad)) * plotWidth;
  const ticks = niceTicks(low - pad, high + pad);
  const maxWeight = Math.max(1, ...rows.map((r) => r.weight ?? 0));
  const axisY = height - 30;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      class="chart"
      font-family={FONT}
      font-size="12"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <text x={labelWidth + plotWidth + 8} y={top - 12} fill={INK} font-weight="bold">
        Change (95% CI)
      </text>
      <text x={8} y={top - 12} fill={INK} font-weight="bold">
        Organisation
      </text>
      <line x1={x(0)} x2={x(0)} y1={top - 6} y2={axisY} stroke={GREY} stroke-dasharray="3 3" />
      {rows.map((r, i) => {
        const y = top + i * rowHeight + rowHeight / 2;
        const size = r.weight === null ? 6 : 4 + 8 * Math.sqrt(r.weight / maxWeight);
        return (
          <g>
            <text x={8} y={y + 4} fill={INK}>
              {trim(r.label, 34)}
            </text>
            <line x1={x(r.ciLow)} x2={x(r.ciHigh)} y1={y} y2={y} stroke={INK} stroke-width="1.5" />
            <rect
              x={x(r.mean) - size / 2}
              y={y - size / 2}
              width={size}
              height={size}
              fill={r.note ? 'white' : BLUE}
              stroke={BLUE}
              stroke-width="1.5"
            />
            <text
              x={labelWidth + plotWidth + 8}
              y={y + 4}
              fill={INK}
            >{`${r.mean.toFixed(2)} (${r.ciLow.toFixed(2)} to ${r.ciHigh.toFixed(2)})`}</text>
          </g>
        );
      })}
      {pooled &&
        (() => {
          const y = top + (rows.length + 0.8) * rowHeight;
          return (
            <g>
              <text x={8} y={y + 4} fill={INK} font-weight="bold">
                Pooled (random effects)
              </text>
              {pooled.piLow !== null && pooled.piHigh !== null && (
                <line
                  x1={x(pooled.piLow)}
                  x2={x(pooled.piHigh)}
                  y1={y}
                  y2={y}
                  stroke={GREY}
                  stroke-width="1.5"
                  stroke-dasharray="5 3"
                />
              )}
              <polygon
                points={`${x(pooled.ciLow)},${y} ${x(pooled.estimate)},${y - 7} ${x(pooled.ciHigh)},${y} ${x(pooled.estimate)},${y + 7}`}
                fill={INK}
              />
              <text
                x={labelWidth + plotWidth + 8}
                y={y + 4}
                fill={INK}
                font-weight="bold"
              >{`${pooled.estimate.toFixed(2)} (${pooled.ciLow.toFixed(2)} to ${pooled.ciHigh.toFixed(2)})`}</text>
            </g>
          );
        })()}
      <line x1={labelWidth} x2={labelWidth + plotWidth} y1={axisY} y2={axisY} stroke={INK} />
      {ticks.map((t) => (
        <g>
          <line x1={x(t)} x2={x(t)} y1={axisY} y2={axisY + 4} stroke={INK} />
          <text x={x(t)} y={axisY + 16} fill={INK} text-anchor="middle">
            {String(t)}
          </text>
        </g>
      ))}
      <text x={labelWidth + plotWidth / 2} y={height - 2} fill={INK} text-anchor="middle">
        {unit}
      </text>
    </svg>
  );
}

export interface BarSeries {
  name: string;
  values: number[];
  outlined?: boolean;
}

/** Grouped vertical bars (e.g. scores before and after, sessions per quarter). */
export function BarChart({
  id,
  title,
  description,
  categories,
  series,
  yLabel,
}: {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: BarSeries[];
  yLabel: string;
}): VNode {
  const left = 48;
  // room for a label like "2025 Q1" (about 50 px at 12 px) under every group, so labels never touch
  const width = Math.max(360, left + categories.length * Math.max(series.length * 16 + 14, 60) + 20);
  const height = 240;
  const top = 34;
  const bottom = height - 44;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(0, max, 4);
  const yMax = Math.max(max, ticks[ticks.length - 1] ?? max);
  const y = (v: number) => bottom - (v / yMax) * (bottom - top);
  const group = (width - left - 20) / Math.max(1, categories.length);
  const barWidth = Math.min(16, (group - 8) / series.length);
  const colours = [GREY, BLUE];
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      class="chart"
      font-family={FONT}
      font-size="12"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {series.map((s, i) => (
        <g>
          <rect
            x={left + i * 110}
            y={8}
            width={12}
            height={12}
            fill={s.outlined ? 'white' : colours[i % 2]}
            stroke={colours[i % 2]}
            stroke-width="2"
          />
          <text x={left + i * 110 + 16} y={18} fill={INK}>
            {s.name}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g>
          <line x1={left} x2={width - 10} y1={y(t)} y2={y(t)} stroke="#b1b4b6" stroke-width="0.5" />
          <text x={left - 4} y={y(t) + 4} fill={INK} text-anchor="end">
            {String(t)}
          </text>
        </g>
      ))}
      {categories.map((c, ci) => (
        <g>
          {series.map((s, si) => {
            const v = s.values[ci] ?? 0;
            return (
              <rect
                x={left + ci * group + 4 + si * barWidth}
                y={y(v)}
                width={Math.max(1, barWidth - 2)}
                height={bottom - y(v)}
                fill={s.outlined ? 'white' : colours[si % 2]}
                stroke={colours[si % 2]}
                stroke-width="1.5"
              />
            );
          })}
          <text x={left + ci * group + group / 2} y={bottom + 14} fill={INK} text-anchor="middle">
            {trim(c, 9)}
          </text>
        </g>
      ))}
      <line x1={left} x2={width - 10} y1={bottom} y2={bottom} stroke={INK} />
      <text x={left} y={height - 6} fill={INK}>
        {yLabel}
      </text>
    </svg>
  );
}
