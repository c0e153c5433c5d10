import type { VaultDatabase } from '../connection';

/** One release of a note to another agency (table of migration 3). */
export interface ReleaseRow {
  note_id: string;
  agency: string;
  reason: string;
  released_on: string;
  revision: number;
  recorded_at: string;
}

/** The releases of notes to other agencies: who, when, why. Statements are prepared per use: releases are rare. */
export class ReleaseRepository {
  constructor(private readonly db: VaultDatabase) {}

  insert(row: ReleaseRow): void {
    this.db
      .prepare(
        'INSERT INTO note_releases (note_id, agency, reason, released_on, revision, recorded_at) VALUES (@note_id, @agency, @reason, @released_on, @revision, @recorded_at)',
      )
      .run(row);
  }

  /** Every release of the note, oldest first. */
  forNote(noteId: string): ReleaseRow[] {
    return this.db.prepare('SELECT * FROM note_releases WHERE note_id = ? ORDER BY seq').all(noteId) as ReleaseRow[];
  }
}
