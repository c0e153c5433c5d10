import type { ReactNode } from 'react';

export interface TotalsColumn {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
}

export interface TotalsRow {
  key: string;
  /** The row's header cell (what the numbers are of). */
  label: ReactNode;
  /** One cell for each column after the first. */
  cells: readonly ReactNode[];
}

/**
 * A small table of totals: a header cell per row, then its figures. Beside
 * every chart it is the same numbers for a screen reader or for whoever
 * prefers to read them; the service log shows its totals with it too.
 */
export function TotalsTable({
  columns,
  rows,
  caption,
  captionHidden = false,
}: {
  /** The header row, the row headers' column first; without it the table has no header row. */
  columns?: readonly TotalsColumn[];
  rows: readonly TotalsRow[];
  caption?: string;
  /** A caption for screen readers only. */
  captionHidden?: boolean;
}) {
  const numeric = (index: number) => columns?.[index + 1]?.numeric === true;
  return (
    <table className="totals-table">
      {caption != null && <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>}
      {columns != null && (
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric === true ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell, index) => (
              <td key={index} className={numeric(index) || columns == null ? 'num' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
