import crypto from 'node:crypto';
import type { SupervisionSession } from '../../../shared/api/growthSchemas';
import type { SupervisionKind } from '../../../shared/domain/growth';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { readonlyDatabase } from '../readonlyDatabase';
import type { DaySpan } from './reportCounts';

interface Row {
  id: string;
  date: string;
  minutes: number;
  kind: SupervisionKind;
  credential: string | null;
  created_at: string;
}

const toSession = (row: Row): SupervisionSession => ({
  id: row.id,
  date: row.date,
  minutes: row.minutes,
  kind: row.kind,
  credential: row.credential,
  createdAt: row.created_at,
});

/** What a new session holds; the id and the time it was logged are the repository's. */
export interface NewSupervisionSession {
  date: string;
  minutes: number;
  kind: SupervisionKind;
  credential: string | null;
}

/** What reports and the growth pages may read of the supervision log: nothing that writes. */
export type SupervisionReader = Pick<SupervisionRepository, 'between' | 'totalsByKind'>;

/** `supervision_sessions`: the supervision the worker received (migration 13). */
export class SupervisionRepository {
  private readonly insertRow;
  private readonly deleteRow;
  private readonly selectBetween;
  private readonly selectTotals;

  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
  ) {
    this.insertRow = db.prepare<[Row]>(
      'INSERT INTO supervision_sessions (id, date, minutes, kind, credential, created_at) VALUES (@id, @date, @minutes, @kind, @credential, @created_at)',
    );
    this.deleteRow = db.prepare<[string]>('DELETE FROM supervision_sessions WHERE id = ?');
    const reads = readonlyDatabase(db);
    this.selectBetween = reads.prepare<[string, string], Row>('SELECT * FROM supervision_sessions WHERE date BETWEEN ? AND ? ORDER BY date DESC, created_at DESC');
    this.selectTotals = reads.prepare<[DaySpan], { kind: SupervisionKind; n: number; minutes: number }>(
      'SELECT kind, count(*) AS n, sum(minutes) AS minutes FROM supervision_sessions WHERE date BETWEEN @first AND @last GROUP BY kind',
    );
  }

  insert(session: NewSupervisionSession): SupervisionSession {
    const { date, minutes, kind, credential } = session;
    const row: Row = { id: crypto.randomUUID(), date, minutes, kind, credential, created_at: this.clock().toISOString() };
    this.insertRow.run(row);
    return toSession(row);
  }

  delete(id: string): void {
    const { changes } = this.deleteRow.run(id);
    if (changes === 0) throw new VaultError('NOT_FOUND', 'No supervision session with that id.');
  }

  /** Sessions dated from `from` through `to`, newest first. */
  between(from: string, to: string): SupervisionSession[] {
    return this.selectBetween.all(from, to).map(toSession);
  }

  /** Sessions and minutes in the span, by kind (kinds with none are left out). Reads no credential. */
  totalsByKind(span: DaySpan): { kind: SupervisionKind; count: number; minutes: number }[] {
    return this.selectTotals.all(span).map((row) => ({ kind: row.kind, count: row.n, minutes: row.minutes }));
  }
}
