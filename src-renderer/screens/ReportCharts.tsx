import { AxisBottom, AxisLeft, type TickRendererProps } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { ReportCharts as ReportChartSeries } from '../../shared/api/reportSchemas';
import { SERVICE_KINDS } from '../../shared/domain/serviceKinds';
import { formatMinutes } from '../lib/dates';
import { weekLabel } from '../lib/months';
import { TotalsTable } from '../components/TotalsTable';

/**
 * The Reports screen's three charts, drawn as inline SVG with visx (scales,
 * axes, bars). Readable without colour: every bar carries its number as
 * text, series differ by fill pattern (solid, hatched, dotted) and say so in
 * a legend, suppressed values are drawn as an open dashed range with words
 * beside it, and every chart has its numbers as a table underneath. No style
 * attributes: colours and patterns come from classes in styles.css, so the
 * charts follow the light and dark themes and the CSP.
 */

type Fill = 'solid' | 'hatch' | 'dots' | 'range';

const MINUTES_CLASS_FILL: Record<'direct' | 'indirect' | 'professional', Fill> = { direct: 'solid', indirect: 'hatch', professional: 'dots' };
const MINUTES_CLASS_LABEL: Record<'direct' | 'indirect' | 'professional', string> = {
  direct: 'Direct (with students and families)',
  indirect: 'Indirect (on their behalf, and running the practice)',
  professional: 'Professional development',
};

const WIDTH = 600;
const ROW = 27;
const LABEL_GAP = 8;

/** A stable id for SVG references (React's ids hold characters a url(#…) reference would need escaped). */
function useSvgId(name: string): string {
  return `${name}-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/** The fill patterns of one chart: solid needs none; hatch and dots are SVG patterns coloured from the stylesheet. */
function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="chart-pattern-bg" />
        <line x1="0" y1="0" x2="0" y2="6" className="chart-pattern-ink" strokeWidth="3" />
      </pattern>
      <pattern id={`${prefix}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="chart-pattern-bg" />
        <circle cx="3" cy="3" r="1.7" className="chart-pattern-dot" />
      </pattern>
      <pattern id={`${prefix}-range`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <line x1="0" y1="0" x2="0" y2="8" className="chart-range-ink" strokeWidth="1.5" />
      </pattern>
    </defs>
  );
}

function fillOf(prefix: string, fill: Fill): string | undefined {
  return fill === 'solid' ? undefined : `url(#${prefix}-${fill})`;
}

function fillClass(fill: Fill): string {
  return fill === 'solid' ? 'chart-bar chart-bar-solid' : fill === 'range' ? 'chart-range' : 'chart-bar';
}

/** A legend swatch: the same pattern as the bars, in a small SVG of its own. */
function Swatch({ fill }: { fill: Fill }) {
  const prefix = useSvgId('swatch');
  return (
    <svg className="chart-swatch" viewBox="0 0 18 12" width="18" height="12" aria-hidden="true" focusable="false">
      <Patterns prefix={prefix} />
      <rect x="0.75" y="0.75" width="16.5" height="10.5" className={fillClass(fill)} fill={fillOf(prefix, fill)} />
    </svg>
  );
}

function Legend({ items }: { items: { fill: Fill; label: string }[] }) {
  return (
    <ul className="chart-legend" aria-label="Key">
      {items.map((item) => (
        <li key={item.label}>
          <Swatch fill={item.fill} />
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

function tickText(anchor: 'middle' | 'end', dy: string) {
  return function Tick({ x, y, formattedValue }: TickRendererProps) {
    return (
      <text x={x} y={y} dy={dy} textAnchor={anchor} className="chart-tick">
        {formattedValue}
      </text>
    );
  };
}

/** A chart: a figure with its title, the SVG (one text summary for screen readers), a key and the numbers as a table. */
function ChartFigure({ title, summary, legend, svg, table, note }: { title: string; summary: string; legend?: ReactNode; svg: ReactNode; table: ReactNode; note?: ReactNode }) {
  const id = useSvgId('chart');
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
      </figcaption>
      {legend}
      <div className="chart-canvas" role="img" aria-label={`${title}. ${summary}`}>
        {svg}
      </div>
      {note}
      <details className="chart-table">
        <summary>Show the numbers as a table</summary>
        {table}
      </details>
    </figure>
  );
}

const niceMax = (value: number, floor: number) => scaleLinear({ domain: [0, Math.max(value, floor)], nice: 5 }).domain()[1] as number;

/** Minutes of each kind of service logged this month, biggest first; kinds with none are named under the chart. */
export function MinutesByKindChart({ rows }: { rows: ReportChartSeries['minutesByServiceKind'] }) {
  const prefix = useSvgId('minutes');
  const kindClass = new Map(SERVICE_KINDS.map((kind) => [kind.id, kind.minutes]));
  const shown = rows.filter((row) => row.minutes > 0).sort((a, b) => b.minutes - a.minutes || a.label.localeCompare(b.label));
  const none = rows.filter((row) => row.minutes === 0);
  const margin = { top: 4, right: 112, bottom: 26, left: 240 };
  const height = margin.top + Math.max(1, shown.length) * ROW + margin.bottom;
  // The axis counts hours (whole, nicely spaced); under two hours it counts minutes.
  const most = Math.max(0, ...shown.map((row) => row.minutes));
  const inHours = most >= 120;
  const unitMax = niceMax(inHours ? most / 60 : most, inHours ? 2 : 30);
  const ticks = scaleLinear({ domain: [0, unitMax] })
    .ticks(4)
    .filter((tick) => !inHours || Number.isInteger(tick))
    .map((tick) => (inHours ? tick * 60 : tick));
  const x = scaleLinear({ domain: [0, inHours ? unitMax * 60 : unitMax], range: [0, WIDTH - margin.left - margin.right] });
  const y = scaleBand({ domain: shown.map((row) => row.kind), range: [0, shown.length * ROW], padding: 0.28 });
  const total = shown.reduce((sum, row) => sum + row.minutes, 0);
  const summary =
    shown.length === 0
      ? 'No time was logged this month.'
      : `${formatMinutes(total)} in all. ${shown
          .slice(0, 3)
          .map((row) => `${row.label}: ${formatMinutes(row.minutes)}`)
          .join('; ')}${shown.length > 3 ? '; and more in the table' : ''}.`;
  const classes = [...new Set(shown.map((row) => kindClass.get(row.kind) ?? 'indirect'))];
  return (
    <ChartFigure
      title="Minutes by kind of service"
      summary={summary}
      legend={<Legend items={(['direct', 'indirect', 'professional'] as const).filter((key) => classes.includes(key)).map((key) => ({ fill: MINUTES_CLASS_FILL[key], label: MINUTES_CLASS_LABEL[key] }))} />}
      svg={
        shown.length === 0 ? (
          <p className="empty">No time logged this month.</p>
        ) : (
          <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart-svg" aria-hidden="true" focusable="false">
            <Patterns prefix={prefix} />
            <Group left={margin.left} top={margin.top}>
              {ticks.map((tick) => (
                <line key={tick} x1={x(tick)} x2={x(tick)} y1={0} y2={shown.length * ROW} className="chart-grid" />
              ))}
              {shown.map((row) => {
                const fill = MINUTES_CLASS_FILL[kindClass.get(row.kind) ?? 'indirect'];
                const top = y(row.kind) ?? 0;
                const length = Math.max(2, x(row.minutes));
                return (
                  <g key={row.kind}>
                    <text x={-LABEL_GAP} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end" className="chart-label">
                      {row.label}
                    </text>
                    <Bar x={0} y={top} width={length} height={y.bandwidth()} className={fill === 'solid' ? 'chart-bar chart-bar-solid' : 'chart-bar'} fill={fillOf(prefix, fill)} />
                    <text x={length + LABEL_GAP} y={top + y.bandwidth() / 2} dy="0.35em" className="chart-value">
                      {formatMinutes(row.minutes)}
                      {row.suppressed != null ? ' · hidden in report' : ''}
                    </text>
                  </g>
                );
              })}
              <AxisBottom
                top={shown.length * ROW}
                scale={x}
                tickValues={ticks}
                tickFormat={(value) => (inHours ? `${Number(value) / 60} h` : `${Number(value)} min`)}
                axisClassName="chart-axis"
                tickComponent={tickText('middle', '0.3em')}
              />
            </Group>
          </svg>
        )
      }
      note={none.length > 0 && shown.length > 0 ? <p className="hint chart-note">No time this month: {none.map((row) => row.label.toLowerCase()).join(', ')}.</p> : undefined}
      table={
        <TotalsTable
          columns={[{ label: 'Kind of service' }, { label: 'Counts as' }, { label: 'Minutes', numeric: true }]}
          rows={[...shown, ...none].map((row) => ({
            key: row.kind,
            label: row.label,
            cells: [MINUTES_CLASS_LABEL[kindClass.get(row.kind) ?? 'indirect'].split(' (')[0], `${row.minutes}${row.suppressed != null ? ' (hidden in report)' : ''}`],
          }))}
        />
      }
    />
  );
}

/** Individual and group sessions in each Monday-to-Sunday week of the month, side by side. */
export function SessionsPerWeekChart({ weeks, individualHidden = false }: { weeks: ReportChartSeries['sessionsPerWeek']; individualHidden?: boolean }) {
  const prefix = useSvgId('weeks');
  const margin = { top: 22, right: 8, bottom: 30, left: 40 };
  const height = 230;
  const innerHeight = height - margin.top - margin.bottom;
  const max = Math.max(0, ...weeks.flatMap((week) => [week.individual, week.group]));
  const yMax = niceMax(max, 4);
  const x = scaleBand({ domain: weeks.map((week) => week.weekStart), range: [0, WIDTH - margin.left - margin.right], padding: 0.25 });
  const series = scaleBand({ domain: ['individual', 'group'], range: [0, x.bandwidth()], padding: 0.08 });
  const y = scaleLinear({ domain: [0, yMax], range: [innerHeight, 0] });
  const totals = weeks.reduce((sum, week) => ({ individual: sum.individual + week.individual, group: sum.group + week.group }), { individual: 0, group: 0 });
  const busiest = [...weeks].sort((a, b) => b.individual + b.group - (a.individual + a.group))[0];
  const summary =
    totals.individual + totals.group === 0
      ? 'No sessions this month.'
      : `${totals.individual} individual and ${totals.group} group sessions over ${weeks.length} weeks; the busiest week was ${busiest ? weekLabel(busiest.weekStart, busiest.weekEnd) : ''}.`;
  const fills: Record<'individual' | 'group', Fill> = { individual: 'solid', group: 'hatch' };
  return (
    <ChartFigure
      title="Sessions per week"
      summary={summary}
      legend={
        <Legend
          items={[
            { fill: 'solid', label: 'Individual sessions' },
            { fill: 'hatch', label: 'Group sessions' },
          ]}
        />
      }
      note={
        individualHidden ? (
          <p className="hint chart-note">The report hides how many individual sessions there were this month (see “What is hidden, and why”); this chart is for you only.</p>
        ) : undefined
      }
      svg={
        <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart-svg" aria-hidden="true" focusable="false">
          <Patterns prefix={prefix} />
          <Group left={margin.left} top={margin.top}>
            {y.ticks(4).map((tick) => (
              <line key={tick} x1={0} x2={WIDTH - margin.left - margin.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            ))}
            {weeks.map((week) => (
              <Group key={week.weekStart} left={x(week.weekStart) ?? 0}>
                {(['individual', 'group'] as const).map((kind) => {
                  const value = week[kind];
                  const left = series(kind) ?? 0;
                  const top = y(value);
                  return (
                    <g key={kind}>
                      {value > 0 && (
                        <Bar x={left} y={top} width={series.bandwidth()} height={innerHeight - top} className={fills[kind] === 'solid' ? 'chart-bar chart-bar-solid' : 'chart-bar'} fill={fillOf(prefix, fills[kind])} />
                      )}
                      <text x={left + series.bandwidth() / 2} y={top - 5} textAnchor="middle" className="chart-value">
                        {value}
                      </text>
                    </g>
                  );
                })}
              </Group>
            ))}
            <AxisLeft scale={y} numTicks={4} tickFormat={(value) => String(value)} axisClassName="chart-axis" tickComponent={tickText('end', '0.35em')} />
            <AxisBottom
              top={innerHeight}
              scale={x}
              tickFormat={(start) => {
                const week = weeks.find((candidate) => candidate.weekStart === start);
                return week ? weekLabel(week.weekStart, week.weekEnd) : String(start);
              }}
              axisClassName="chart-axis"
              tickComponent={tickText('middle', '0.3em')}
            />
          </Group>
        </svg>
      }
      table={
        <TotalsTable
          columns={[{ label: 'Week' }, { label: 'Individual', numeric: true }, { label: 'Group', numeric: true }]}
          rows={weeks.map((week) => ({ key: week.weekStart, label: weekLabel(week.weekStart, week.weekEnd), cells: [week.individual, week.group] }))}
        />
      }
    />
  );
}

/** What the reader of the report knows of a suppressed count of students, in words. */
export function suppressedRange(reason: 'small' | 'group' | 'statistic' | 'services', threshold: number): string {
  return reason === 'small' ? `1 to ${threshold - 1}` : `0 to ${threshold - 1} or more, with its group`;
}

/** Students per issue category as the report publishes them: numbers, zeros, and hidden counts drawn as the range they lie in. */
export function StudentsPerCategoryChart({ rows, threshold }: { rows: ReportChartSeries['studentsPerIssueCategory']; threshold: number }) {
  const prefix = useSvgId('categories');
  const margin = { top: 4, right: 112, bottom: 26, left: 240 };
  const height = margin.top + rows.length * ROW + margin.bottom;
  const shownMax = Math.max(0, ...rows.map((row) => row.value ?? 0));
  const x = scaleLinear({ domain: [0, niceMax(Math.max(shownMax, threshold), threshold)], range: [0, WIDTH - margin.left - margin.right] });
  const y = scaleBand({ domain: rows.map((row) => row.category), range: [0, rows.length * ROW], padding: 0.28 });
  const hidden = rows.filter((row) => row.suppressed != null).length;
  const withStudents = rows.filter((row) => (row.value ?? 0) > 0);
  const summary = `${withStudents.length === 0 ? 'No category shows a count.' : withStudents.map((row) => `${row.label}: ${row.value}`).join('; ')}${withStudents.length > 0 ? '.' : ''} ${hidden === 0 ? 'No category is hidden.' : `${hidden} ${hidden === 1 ? 'category is' : 'categories are'} hidden: fewer than ${threshold} students.`}`;
  return (
    <ChartFigure
      title="Students per issue category, as the report shows them"
      summary={summary}
      legend={
        <Legend
          items={[
            { fill: 'solid', label: 'Students (shown in the report)' },
            { fill: 'range', label: `Hidden: somewhere from 1 to ${threshold - 1}` },
          ]}
        />
      }
      svg={
        <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart-svg" aria-hidden="true" focusable="false">
          <Patterns prefix={prefix} />
          <Group left={margin.left} top={margin.top}>
            {x.ticks(5).map((tick) => (
              <line key={tick} x1={x(tick)} x2={x(tick)} y1={0} y2={rows.length * ROW} className="chart-grid" />
            ))}
            {rows.map((row) => {
              const top = y(row.category) ?? 0;
              const middle = top + y.bandwidth() / 2;
              let mark: ReactNode = null;
              let end = 0;
              if (row.value != null && row.value > 0) {
                end = x(row.value);
                mark = <Bar x={0} y={top} width={end} height={y.bandwidth()} className="chart-bar chart-bar-solid" />;
              } else if (row.suppressed != null) {
                // Somewhere from 1 to k-1: an open, dashed range, never a guessed bar.
                end = x(threshold - 1);
                mark = <rect x={x(1)} y={top} width={end - x(1)} height={y.bandwidth()} className="chart-range" fill={`url(#${prefix}-range)`} />;
              }
              const text = row.suppressed != null ? `${suppressedRange(row.suppressed, threshold)}, hidden` : String(row.value ?? 0);
              return (
                <g key={row.category}>
                  <text x={-LABEL_GAP} y={middle} dy="0.35em" textAnchor="end" className="chart-label">
                    {row.label}
                  </text>
                  {mark}
                  <text x={end + LABEL_GAP} y={middle} dy="0.35em" className={row.suppressed != null ? 'chart-value chart-value-hidden' : 'chart-value'}>
                    {text}
                  </text>
                </g>
              );
            })}
            <AxisBottom top={rows.length * ROW} scale={x} numTicks={5} tickFormat={(value) => String(value)} axisClassName="chart-axis" tickComponent={tickText('middle', '0.3em')} />
          </Group>
        </svg>
      }
      table={
        <TotalsTable
          columns={[{ label: 'Issue category' }, { label: 'Students', numeric: true }]}
          rows={rows.map((row) => ({
            key: row.category,
            label: row.label,
            cells: [row.suppressed != null ? `Hidden (${suppressedRange(row.suppressed, threshold)})` : row.value],
          }))}
        />
      }
    />
  );
}
