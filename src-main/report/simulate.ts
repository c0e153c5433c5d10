import { REPORT_METRICS, type MetricUnit } from '../../shared/report/catalog';
import { REPORT_THRESHOLDS } from '../../shared/api/schemas';
import { VaultError } from '../vault/errors';
import { REPORT_GROUPS } from './cellGroups';
import { publishMetrics, trueCellValue, type PlainReportMetrics } from './publish';

/**
 * `report simulate`: the report's own suppression applied to numbers anyone
 * gives, so a district privacy officer can test the rule on any month (and
 * the project's attacker test does). Input: one `metrics` object in the
 * report's shape with plain numbers; output: the `metrics` a report with
 * those numbers publishes. Pure.
 */

const CATALOG_UNITS = new Map<string, MetricUnit>(REPORT_METRICS.map((metric) => [metric.path, metric.unit]));

function leafPaths(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leafPaths(inner, prefix === '' ? key : `${prefix}.${key}`, into);
    return;
  }
  into.set(prefix, value);
}

function checkValue(unit: MetricUnit, value: unknown): string | null {
  if (unit === 'statistic') {
    if (value === null) return null;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1e12 ? null : 'must be a number from 0 up, or null';
  }
  if (unit === 'hours') return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1e12 ? null : 'must be a number from 0 up';
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? null : 'must be a whole number from 0 up';
}

/** Checks one input object; throws INVALID_INPUT naming the field (the caller adds the line). */
export function parsePlainMetrics(input: unknown): PlainReportMetrics {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new VaultError('INVALID_INPUT', 'expected a JSON object with the fields of the report\'s metrics');
  const given = new Map<string, unknown>();
  leafPaths(input, '', given);
  for (const path of given.keys()) {
    if (!CATALOG_UNITS.has(path)) throw new VaultError('INVALID_INPUT', `field ${path}: the report's metrics have no such field`);
  }
  for (const [path, unit] of CATALOG_UNITS) {
    if (!given.has(path)) throw new VaultError('INVALID_INPUT', `field ${path}: missing`);
    const problem = checkValue(unit, given.get(path));
    if (problem !== null) throw new VaultError('INVALID_INPUT', `field ${path}: ${problem} (got ${JSON.stringify(given.get(path))})`);
  }
  const metrics = input as PlainReportMetrics;
  for (const group of REPORT_GROUPS) {
    for (const relation of group.relations) {
      const parts = relation.parts.map((id) => trueCellValue(metrics, id));
      const total = trueCellValue(metrics, relation.total);
      const isPublished = !(group.unpublished ?? []).includes(relation.total);
      if (total < 0 || parts.some((part) => part < 0) || total !== parts.reduce((sum, part) => sum + part, 0)) {
        const what = isPublished ? `field ${relation.total}:` : `field ${group.root}: ${relation.total} (not published, from the published totals)`;
        throw new VaultError('INVALID_INPUT', `${what} must be the sum of ${relation.parts.join(' + ')}`);
      }
    }
  }
  return metrics;
}

/** The `metrics` a report with these numbers publishes at k = threshold. */
export function simulatePublished(input: unknown, threshold: number): unknown {
  if (!(REPORT_THRESHOLDS as readonly number[]).includes(threshold)) {
    throw new VaultError('INVALID_INPUT', `threshold: the report threshold is ${REPORT_THRESHOLDS.join(', ')}`);
  }
  return publishMetrics(parsePlainMetrics(input), threshold).metrics;
}

/** One line of JSON Lines in, one line out; errors name the line (1-based) and the field. */
export function simulateLine(line: string, lineNumber: number, threshold: number): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new VaultError('INVALID_INPUT', `line ${lineNumber}: not valid JSON`);
  }
  try {
    return JSON.stringify(simulatePublished(parsed, threshold));
  } catch (error) {
    if (error instanceof VaultError) throw new VaultError('INVALID_INPUT', `line ${lineNumber}: ${error.message}`);
    throw error;
  }
}
