/**
 * One line of the product benchmark table: a measurement, its target, and
 * the same workload on a reference peer measured in the same run.
 */
export interface BenchRow {
  area: string;
  name: string;
  target: string;
  /** Milliseconds (or the unit in the name). */
  value: number;
  peer: { name: string; value: number } | null;
}
