import { useId } from 'react';
import type { ReportPreview } from '../../shared/api/reportSchemas';
import { monthLabel } from '../lib/months';

/** The standing duties the month's report lists, as the district will read them (they are kept in Settings). */
export function StandingDutiesOfMonth({ preview }: { preview: ReportPreview }) {
  const id = useId();
  const duties = preview.document.administrativeResponsibilities;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Standing duties in {monthLabel(preview.document.period)}</h2>
      {duties.length === 0 ? (
        <p className="empty">None listed. Add the duties you hold every month in Settings, under Standing duties.</p>
      ) : (
        <ul className="category-list" aria-label="Standing duties in the report">
          {duties.map((duty) => (
            <li key={duty.name} className="category-row">
              {duty.name} · {duty.minutesPerMonth.toLocaleString('en-US')} min a month
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
