import type { HandbackImportResult } from '../../../shared/api/handoverSchemas';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';

/**
 * The vault's own records of handovers (tables of migration 3): packages it
 * sent as owner, hand-backs it imported, and packages it received as a
 * substitute. Statements are prepared per use: handovers are rare.
 */
export interface SentRow {
  package_id: string;
  substitute: string;
  recipient_kind: 'key' | 'code';
  recipient_fingerprint: string | null;
  recipient_label: string | null;
  valid_from: string;
  valid_until: string;
  student_ids: string;
  note_count: number;
  service_count: number;
  package_key: Buffer;
  file_sha256: string;
  created_at: string;
  status: 'open' | 'revoked' | 'closed';
  revoked_at: string | null;
  closed_at: string | null;
}

export interface ReceivedRow {
  package_id: string;
  manifest: string;
  package_key: Buffer | null;
  received_at: string;
  status: 'open' | 'handed_back';
  handed_back_at: string | null;
  handback_id: string | null;
}

export interface ImportedRow {
  handback_id: string;
  package_id: string;
  substitute_fingerprint: string;
  file_sha256: string;
  imported_at: string;
  summary: string;
}

export class HandoverRepository {
  constructor(private readonly db: VaultDatabase) {}

  insertSent(row: Omit<SentRow, 'status' | 'revoked_at' | 'closed_at'>): void {
    this.db
      .prepare(
        `INSERT INTO handovers_sent (package_id, substitute, recipient_kind, recipient_fingerprint, recipient_label, valid_from, valid_until,
           student_ids, note_count, service_count, package_key, file_sha256, created_at)
         VALUES (@package_id, @substitute, @recipient_kind, @recipient_fingerprint, @recipient_label, @valid_from, @valid_until,
           @student_ids, @note_count, @service_count, @package_key, @file_sha256, @created_at)`,
      )
      .run(row);
  }

  sent(packageId: string): SentRow | null {
    return (this.db.prepare('SELECT * FROM handovers_sent WHERE package_id = ?').get(packageId) as SentRow | undefined) ?? null;
  }

  requireSent(packageId: string): SentRow {
    const row = this.sent(packageId);
    if (!row) throw new VaultError('NOT_FOUND', 'No handover with that id was made in this vault.');
    return row;
  }

  /** Newest first. */
  listSent(): SentRow[] {
    return this.db.prepare('SELECT * FROM handovers_sent ORDER BY created_at DESC, package_id').all() as SentRow[];
  }

  setSentStatus(packageId: string, status: 'revoked' | 'closed', at: string): void {
    const column = status === 'revoked' ? 'revoked_at' : 'closed_at';
    this.db.prepare(`UPDATE handovers_sent SET status = ?, ${column} = ? WHERE package_id = ?`).run(status, at, packageId);
  }

  imported(handbackId: string): ImportedRow | null {
    return (this.db.prepare('SELECT * FROM handbacks_imported WHERE handback_id = ?').get(handbackId) as ImportedRow | undefined) ?? null;
  }

  importedForPackage(packageId: string): ImportedRow | null {
    return (
      (this.db.prepare('SELECT * FROM handbacks_imported WHERE package_id = ? ORDER BY imported_at LIMIT 1').get(packageId) as
        | ImportedRow
        | undefined) ?? null
    );
  }

  insertImported(row: Omit<ImportedRow, 'summary'> & { summary: HandbackImportResult }): void {
    this.db
      .prepare(
        `INSERT INTO handbacks_imported (handback_id, package_id, substitute_fingerprint, file_sha256, imported_at, summary)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(row.handback_id, row.package_id, row.substitute_fingerprint, row.file_sha256, row.imported_at, JSON.stringify(row.summary));
  }

  received(packageId: string): ReceivedRow | null {
    return (this.db.prepare('SELECT * FROM handovers_received WHERE package_id = ?').get(packageId) as ReceivedRow | undefined) ?? null;
  }

  requireReceived(packageId: string): ReceivedRow {
    const row = this.received(packageId);
    if (!row) throw new VaultError('NOT_FOUND', 'No handover package with that id was opened in this vault.');
    return row;
  }

  /** Newest first. */
  listReceived(): ReceivedRow[] {
    return this.db.prepare('SELECT * FROM handovers_received ORDER BY received_at DESC, package_id').all() as ReceivedRow[];
  }

  insertReceived(row: Pick<ReceivedRow, 'package_id' | 'manifest' | 'package_key' | 'received_at'>): void {
    this.db
      .prepare('INSERT INTO handovers_received (package_id, manifest, package_key, received_at) VALUES (?, ?, ?, ?)')
      .run(row.package_id, row.manifest, row.package_key, row.received_at);
  }

  /** The package key is dropped with the package: only the record that it was handed back stays. */
  markHandedBack(packageId: string, handbackId: string, at: string): void {
    this.db
      .prepare(
        `UPDATE handovers_received SET status = 'handed_back', package_key = NULL, handed_back_at = ?, handback_id = ?
         WHERE package_id = ? AND status = 'open'`,
      )
      .run(at, handbackId, packageId);
  }

  /** Forgets a package whose opening failed part-way. */
  deleteReceived(packageId: string): void {
    this.db.prepare('DELETE FROM handovers_received WHERE package_id = ?').run(packageId);
  }
}
