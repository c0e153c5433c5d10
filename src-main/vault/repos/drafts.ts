import { Draft, DraftContext, type ServiceFormDraft } from '../../../shared/api/draftSchemas';
import type { VaultDatabase } from '../connection';
import { draftKey, draftLinks } from '../drafts/draftContext';
import { formColumn, fromFormColumn } from '../drafts/draftFormColumn';

/** One unfinished note as the draft keeper writes it. */
export interface DraftWrite {
  context: DraftContext;
  body: string;
  cursor: number;
  form: ServiceFormDraft | null;
  /** The "Follow up on" field as typed; empty or absent: none. */
  followUp?: string;
  resume: boolean;
}

interface DraftRow {
  context: string;
  body: string;
  cursor: number;
  form: string | null;
  resume: number;
  updated_at: string;
}

/**
 * Unfinished notes (schema/006-drafts.ts): one row per editor context,
 * overwritten in place. A draft whose note, service or package is gone is
 * not written (a write that arrives after a delete or a hand-back).
 */
export class DraftRepository {
  #statements: ReturnType<typeof prepare> | null = null;

  constructor(
    private readonly db: VaultDatabase,
    private readonly clock: () => Date,
  ) {}

  /** Prepared on first use, so that repositories over an older schema (before migration 6) can still be made. */
  private get sql(): ReturnType<typeof prepare> {
    this.#statements ??= prepare(this.db);
    return this.#statements;
  }

  /** Writes (or overwrites) a draft; false when what it belongs to is gone, and nothing was written. */
  put(draft: DraftWrite): boolean {
    const links = draftLinks(draft.context);
    const result = this.sql.upsert.run({
      key: draftKey(draft.context),
      context: JSON.stringify(draft.context),
      ...links,
      body: draft.body,
      cursor: Math.min(draft.cursor, draft.body.length),
      form: formColumn(draft.form, draft.followUp),
      resume: draft.resume ? 1 : 0,
      at: this.clock().toISOString(),
    });
    return result.changes > 0;
  }

  /**
   * Writes drafts in one transaction, committed without waiting for the disk
   * (synchronous = NORMAL for this commit only; the vault's setting is put
   * back at once). A killed process loses nothing so written: the operating
   * system holds it. A power cut may lose the last write or two of a draft,
   * never anything else: in WAL mode the next fully synced commit (any save,
   * or closing at a lock) takes these pages to disk with its own, and a
   * commit that did not reach the disk is rolled back whole, never half
   * written. Without this, each write waited for its fsync: about 4 ms on a
   * laptop SSD, where the row itself costs about 0.1 ms.
   */
  write(drafts: readonly DraftWrite[]): void {
    if (drafts.length === 0) return;
    const before = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = NORMAL');
    try {
      this.db.transaction(() => {
        for (const draft of drafts) this.put(draft);
      })();
    } finally {
      this.db.pragma(`synchronous = ${before}`);
    }
  }

  /** Whether a draft may be kept for this context: its note, service or package is there (and the package still open). */
  belongsToSomething(context: DraftContext): boolean {
    const links = draftLinks(context);
    if (links.noteId != null && this.sql.noteExists.get(links.noteId) === undefined) return false;
    if (links.serviceId != null && this.sql.serviceExists.get(links.serviceId) === undefined) return false;
    if (links.packageId != null && this.sql.packageOpen.get(links.packageId) === undefined) return false;
    return true;
  }

  get(context: DraftContext): Draft | null {
    const row = this.sql.selectOne.get(draftKey(context));
    return row ? toDraft(row) : null;
  }

  /** Most recent first. */
  list(): Draft[] {
    return this.sql.selectAll.all().map(toDraft);
  }

  delete(context: DraftContext): void {
    this.sql.deleteOne.run(draftKey(context));
  }

  /** How many drafts the worker will be brought back to. */
  resumable(): number {
    return this.sql.countResume.get() ?? 0;
  }
}

function prepare(db: VaultDatabase) {
  return {
    upsert: db.prepare(
      `INSERT INTO drafts (context_key, context, note_id, service_id, package_id, body, cursor, form, resume, updated_at)
       SELECT @key, @context, @noteId, @serviceId, @packageId, @body, @cursor, @form, @resume, @at
       WHERE (@noteId IS NULL OR EXISTS (SELECT 1 FROM notes WHERE id = @noteId))
         AND (@serviceId IS NULL OR EXISTS (SELECT 1 FROM services WHERE id = @serviceId))
         AND (@packageId IS NULL OR EXISTS (SELECT 1 FROM handovers_received WHERE package_id = @packageId AND status = 'open'))
       ON CONFLICT (context_key) DO UPDATE SET
         body = excluded.body, cursor = excluded.cursor, form = excluded.form, resume = excluded.resume, updated_at = excluded.updated_at`,
    ),
    selectOne: db.prepare<[string], DraftRow>('SELECT context, body, cursor, form, resume, updated_at FROM drafts WHERE context_key = ?'),
    selectAll: db.prepare<[], DraftRow>('SELECT context, body, cursor, form, resume, updated_at FROM drafts ORDER BY updated_at DESC, context_key'),
    deleteOne: db.prepare<[string]>('DELETE FROM drafts WHERE context_key = ?'),
    countResume: db.prepare<[], number>('SELECT count(*) FROM drafts WHERE resume = 1').pluck(),
    noteExists: db.prepare<[string], number>('SELECT 1 FROM notes WHERE id = ?').pluck(),
    serviceExists: db.prepare<[string], number>('SELECT 1 FROM services WHERE id = ?').pluck(),
    packageOpen: db.prepare<[string], number>("SELECT 1 FROM handovers_received WHERE package_id = ? AND status = 'open'").pluck(),
  };
}

function toDraft(row: DraftRow): Draft {
  const { form, followUp } = fromFormColumn(row.form);
  return Draft.parse({
    context: DraftContext.parse(JSON.parse(row.context)),
    body: row.body,
    cursor: row.cursor,
    form,
    ...(followUp === undefined ? {} : { followUp }),
    resume: row.resume === 1,
    updatedAt: row.updated_at,
  });
}
