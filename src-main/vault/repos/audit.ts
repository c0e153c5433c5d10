import { z } from 'zod';
import type { AuditEntry } from '../../../shared/api/schemas';
import type { VaultDatabase } from '../connection';
import { requireWellFormed } from '../wellFormedText';
import { chainHash } from './hashing';
import { parseInput } from './validation';
import { writeTransaction } from '../writeTransaction';

/** An audit row as stored (the vault's log and a handover package's access log alike). */
export interface AuditRow {
  seq: number;
  at: string;
  action: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditVerification {
  intact: boolean;
  entries: number;
  firstBrokenSeq: number | null;
}

const Action = z.string().trim().min(1, 'an audit action is required').max(100);
const Details = z.record(z.string(), z.unknown());

export function auditHash(prevHash: string, entry: Pick<AuditEntry, 'seq' | 'at' | 'action' | 'details'>): string {
  return chainHash(prevHash, [entry.seq, entry.at, entry.action, entry.details]);
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    action: row.action,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The append-only record of what happened to the vault (unlocks, exports,
 * handovers, disclosures). Each entry's hash covers the one before it, so a
 * changed or removed entry breaks the chain from there on.
 */
export class AuditLog {
  private readonly selectLast;
  private readonly selectNewest;
  private readonly selectNewestOfAction;
  private readonly selectAscending;
  private readonly insertRow;
  private readonly appendTx;

  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
  ) {
    this.selectLast = db.prepare<[], Pick<AuditRow, 'seq' | 'hash'>>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    this.selectNewest = db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY seq DESC LIMIT ?');
    this.selectNewestOfAction = db.prepare<[string, number], AuditRow>('SELECT * FROM audit WHERE action = ? ORDER BY seq DESC LIMIT ?');
    this.selectAscending = db.prepare<[], AuditRow>('SELECT * FROM audit ORDER BY seq');
    this.insertRow = db.prepare<[AuditRow]>(
      'INSERT INTO audit (seq, at, action, details, prev_hash, hash) VALUES (@seq, @at, @action, @details, @prev_hash, @hash)',
    );
    this.appendTx = writeTransaction(db, (action: string, details: Record<string, unknown>): AuditEntry => {
      const last = this.selectLast.get();
      const prevHash = last?.hash ?? '';
      const entry = { seq: (last?.seq ?? 0) + 1, at: this.clock().toISOString(), action, details };
      const hash = auditHash(prevHash, entry);
      this.insertRow.run({ ...entry, details: JSON.stringify(details), prev_hash: prevHash, hash });
      return { ...entry, prevHash, hash };
    });
  }

  append(action: string, details: Record<string, unknown> = {}): AuditEntry {
    // Through JSON and back, so the hash covers exactly what is stored and read later.
    const stored = JSON.parse(JSON.stringify(parseInput(Details, details))) as Record<string, unknown>;
    // The action is stored as text, where SQLite would turn a lone surrogate into U+FFFD; the details are refused alike.
    requireWellFormed({ action, details: stored }, 'The audit entry');
    return this.appendTx(parseInput(Action, action), stored);
  }

  /** Newest first. */
  list(limit = 100): AuditEntry[] {
    const count = Number.isFinite(limit) ? Math.min(Math.max(Math.trunc(limit), 1), 1000) : 100;
    return this.selectNewest.all(count).map(toAuditEntry);
  }

  /** Newest first, only entries of one action (e.g. every report export). */
  listByAction(action: string, limit = 1000): AuditEntry[] {
    const count = Number.isFinite(limit) ? Math.min(Math.max(Math.trunc(limit), 1), 10_000) : 1000;
    return this.selectNewestOfAction.all(action, count).map(toAuditEntry);
  }

  /** Walks the chain from the first entry; reports the first entry that does not fit. */
  verify(): AuditVerification {
    let prevHash = '';
    let expectedSeq = 1;
    let entries = 0;
    let firstBrokenSeq: number | null = null;
    for (const row of this.selectAscending.iterate()) {
      entries += 1;
      if (firstBrokenSeq !== null) continue;
      const intact = row.seq === expectedSeq && row.prev_hash === prevHash && row.hash === auditHash(prevHash, hashedFields(row));
      if (!intact) firstBrokenSeq = row.seq;
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
    }
    return { intact: firstBrokenSeq === null, entries, firstBrokenSeq };
  }
}

/** A row whose details no longer parse still gets hashed, and so fails, instead of throwing. */
function hashedFields(row: AuditRow): Pick<AuditEntry, 'seq' | 'at' | 'action' | 'details'> {
  try {
    return toAuditEntry(row);
  } catch {
    return { seq: row.seq, at: row.at, action: row.action, details: { unreadable: row.details } };
  }
}
