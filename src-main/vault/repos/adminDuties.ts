import crypto from 'node:crypto';
import {
  DutyCreateInput,
  DutyEndInput,
  DutyUpdateInput,
  type AdministrativeDuty,
} from '../../../shared/api/guidelineSchemas';
import { Id, ReportMonth } from '../../../shared/api/schemas';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { parseInput } from './validation';

interface DutyRow {
  id: string;
  name: string;
  minutes_per_month: number;
  from_month: string;
  until_month: string | null;
  created_at: string;
  updated_at: string;
}

function toDuty(row: DutyRow): AdministrativeDuty {
  return {
    id: row.id,
    name: row.name,
    minutesPerMonth: row.minutes_per_month,
    fromMonth: row.from_month,
    untilMonth: row.until_month,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ReportTextCheck {
  /** Throws INVALID_INPUT unless `text` may go into a report (src-main/vault/reportText.ts). */
  (what: string, text: string): void;
}

/**
 * The worker's standing administrative duties (504 coordinator, attendance
 * committee), each with its minutes per month. A duty stands from one month
 * and, once ended, until one month, so each month's report lists the duties
 * of that month; deleting is for a duty entered by mistake.
 */
export class AdministrativeDutyRepository {
  private readonly selectAll;
  private readonly selectById;
  private readonly selectInMonth;
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;

  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
    private readonly thisMonth: () => string,
    private readonly checkText: ReportTextCheck,
  ) {
    this.selectAll = db.prepare<[], DutyRow>('SELECT * FROM administrative_duties ORDER BY until_month IS NOT NULL, name COLLATE NOCASE, id');
    this.selectById = db.prepare<[string], DutyRow>('SELECT * FROM administrative_duties WHERE id = ?');
    this.selectInMonth = db.prepare<[{ month: string }], DutyRow>(
      `SELECT * FROM administrative_duties
       WHERE from_month <= @month AND (until_month IS NULL OR until_month >= @month)
       ORDER BY name COLLATE NOCASE, id`,
    );
    this.insertRow = db.prepare<[DutyRow]>(
      `INSERT INTO administrative_duties (id, name, minutes_per_month, from_month, until_month, created_at, updated_at)
       VALUES (@id, @name, @minutes_per_month, @from_month, @until_month, @created_at, @updated_at)`,
    );
    this.updateRow = db.prepare<[DutyRow]>(
      `UPDATE administrative_duties SET name = @name, minutes_per_month = @minutes_per_month, from_month = @from_month,
         until_month = @until_month, updated_at = @updated_at WHERE id = @id`,
    );
    this.deleteRow = db.prepare<[string]>('DELETE FROM administrative_duties WHERE id = ?');
  }

  /** Standing duties first, then ended ones; each by name. */
  list(): AdministrativeDuty[] {
    return this.selectAll.all().map(toDuty);
  }

  /** The duties standing in `month` (YYYY-MM), by name: what that month's report lists. */
  inMonth(month: string): AdministrativeDuty[] {
    return this.selectInMonth.all({ month: parseInput(ReportMonth, month) }).map(toDuty);
  }

  create(fields: DutyCreateInput): AdministrativeDuty {
    const input = parseInput(DutyCreateInput, fields);
    this.checkText('The duty name', input.name);
    const timestamp = this.clock().toISOString();
    const row: DutyRow = {
      id: crypto.randomUUID(),
      name: input.name,
      minutes_per_month: input.minutesPerMonth,
      from_month: input.fromMonth ?? this.thisMonth(),
      until_month: null,
      created_at: timestamp,
      updated_at: timestamp,
    };
    this.insertRow.run(row);
    return toDuty(row);
  }

  update(fields: DutyUpdateInput): AdministrativeDuty {
    const input = parseInput(DutyUpdateInput, fields);
    const current = this.requireRow(input.id);
    if (input.name !== undefined) this.checkText('The duty name', input.name);
    const next: DutyRow = {
      ...current,
      name: input.name ?? current.name,
      minutes_per_month: input.minutesPerMonth ?? current.minutes_per_month,
      from_month: input.fromMonth ?? current.from_month,
      updated_at: this.clock().toISOString(),
    };
    this.refuseEndBeforeStart(next);
    this.updateRow.run(next);
    return toDuty(next);
  }

  /** The duty stood until `untilMonth` (default: this month) and no longer. */
  end(fields: DutyEndInput): AdministrativeDuty {
    const input = parseInput(DutyEndInput, fields);
    const current = this.requireRow(input.id);
    const next: DutyRow = { ...current, until_month: input.untilMonth ?? this.thisMonth(), updated_at: this.clock().toISOString() };
    this.refuseEndBeforeStart(next);
    this.updateRow.run(next);
    return toDuty(next);
  }

  delete(id: string): void {
    if (this.deleteRow.run(parseInput(Id, id)).changes === 0) throw new VaultError('NOT_FOUND', 'No duty with that id.');
  }

  private refuseEndBeforeStart(row: DutyRow): void {
    if (row.until_month !== null && row.until_month < row.from_month) {
      throw new VaultError('INVALID_INPUT', `untilMonth: the duty "${row.name}" starts in ${row.from_month}; it cannot end before that.`);
    }
  }

  private requireRow(id: string): DutyRow {
    const row = this.selectById.get(parseInput(Id, id));
    if (!row) throw new VaultError('NOT_FOUND', 'No duty with that id.');
    return row;
  }
}
