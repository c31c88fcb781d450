// One person's scores on one measure over time, as an SVG line with a point per questionnaire,
// drawn on the server (no script), with its words in <title> and <desc> and the full scale on the
// side so a small change looks small. Text is 12 px; on a phone it scrolls in a named region.
import type { VNode } from 'preact';
import { measureTitle, type MeasureProgress } from '../domain/progress.ts';

const INK = '#0b0c0c';
const BLUE = '#1d70b8';
const LINE = '#b1b4b6';

export function ProgressChart({
  id,
  progress,
  description,
  formatDate,
}: {
  id: string;
  progress: MeasureProgress;
  description: string;
  formatDate: (iso: string) => string;
}): VNode {
  const { points, range } = progress;
  const left = 40;
  const step = 92;
  const width = Math.max(320, left + 30 + (points.length - 1) * step + 40);
  const height = 200;
  const top = 30;
  const bottom = height - 40;
  const y = (v: number) => bottom - ((v - range.min) / (range.max - range.min || 1)) * (bottom - top);
  const x = (i: number) => left + 30 + i * step;
  const ticks = [range.min, (range.min + range.max) / 2, range.max];
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.score)}`).join(' ');
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      class="chart"
      font-family="Helvetica, Arial, sans-serif"
      font-size="12"
    >
      <title id={`${id}-title`}>{measureTitle(progress)} over time</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {ticks.map((t) => (
        <g>
          <line x1={left} x2={width - 10} y1={y(t)} y2={y(t)} stroke={LINE} stroke-width="0.5" />
          <text x={left - 4} y={y(t) + 4} fill={INK} text-anchor="end">
            {Number.isInteger(t) ? String(t) : t.toFixed(1)}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke={BLUE} stroke-width="2.5" />
      {points.map((p, i) => (
        <g>
          <circle cx={x(i)} cy={y(p.score)} r="5" fill="white" stroke={BLUE} stroke-width="2.5" />
          <text x={x(i)} y={y(p.score) - 10} fill={INK} text-anchor="middle" font-weight="bold">
            {String(p.score)}
          </text>
          <text x={x(i)} y={bottom + 16} fill={INK} text-anchor="middle">
            {formatDate(p.date)}
          </text>
        </g>
      ))}
      <line x1={left} x2={width - 10} y1={bottom} y2={bottom} stroke={INK} />
      <text x={left} y={height - 6} fill={INK}>
        {progress.direction === 'higher_is_better' ? 'Higher is better' : 'Lower is better'}
      </text>
    </svg>
  );
}
