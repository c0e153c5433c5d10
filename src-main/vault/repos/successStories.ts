import crypto from 'node:crypto';
import { StoryCreateInput, StoryUpdateInput, type SuccessStory } from '../../../shared/api/guidelineSchemas';
import { Id, ReportMonth } from '../../../shared/api/schemas';
import { STORIES_PER_MONTH_MAX } from '../../../shared/domain/guidelineList';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import type { ReportTextCheck } from './adminDuties';
import { parseInput } from './validation';

interface StoryRow {
  id: string;
  month: string;
  body: string;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

function toStory(row: StoryRow): SuccessStory {
  return { id: row.id, month: row.month, text: row.body, confirmedAt: row.confirmed_at, createdAt: row.created_at, updatedAt: row.updated_at };
}

/**
 * De-identified success stories: examples of problem resolution the worker
 * writes for a month. Each is checked before it is stored (no redaction
 * finding, no student's code or name), and reaches the month's report only
 * once the worker confirms it; changing the text takes the confirmation back.
 */
export class SuccessStoryRepository {
  private readonly selectInMonth;
  private readonly selectConfirmedInMonth;
  private readonly countInMonth;
  private readonly selectById;
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;

  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
    private readonly checkText: ReportTextCheck,
  ) {
    this.selectInMonth = db.prepare<[string], StoryRow>('SELECT * FROM success_stories WHERE month = ? ORDER BY created_at, id');
    this.selectConfirmedInMonth = db.prepare<[string], StoryRow>(
      'SELECT * FROM success_stories WHERE month = ? AND confirmed_at IS NOT NULL ORDER BY created_at, id',
    );
    this.countInMonth = db.prepare<[string], number>('SELECT count(*) FROM success_stories WHERE month = ?').pluck();
    this.selectById = db.prepare<[string], StoryRow>('SELECT * FROM success_stories WHERE id = ?');
    this.insertRow = db.prepare<[StoryRow]>(
      `INSERT INTO success_stories (id, month, body, confirmed_at, created_at, updated_at)
       VALUES (@id, @month, @body, @confirmed_at, @created_at, @updated_at)`,
    );
    this.updateRow = db.prepare<[StoryRow]>('UPDATE success_stories SET body = @body, confirmed_at = @confirmed_at, updated_at = @updated_at WHERE id = @id');
    this.deleteRow = db.prepare<[string]>('DELETE FROM success_stories WHERE id = ?');
  }

  list(month: string): SuccessStory[] {
    return this.selectInMonth.all(parseInput(ReportMonth, month)).map(toStory);
  }

  /** The stories the worker confirmed for `month`: the only ones a report shows. */
  confirmed(month: string): SuccessStory[] {
    return this.selectConfirmedInMonth.all(parseInput(ReportMonth, month)).map(toStory);
  }

  create(fields: StoryCreateInput): SuccessStory {
    const input = parseInput(StoryCreateInput, fields);
    this.checkText('The story', input.text);
    if ((this.countInMonth.get(input.month) ?? 0) >= STORIES_PER_MONTH_MAX) {
      throw new VaultError('INVALID_INPUT', `A month holds at most ${STORIES_PER_MONTH_MAX} stories.`);
    }
    const timestamp = this.clock().toISOString();
    const row: StoryRow = { id: crypto.randomUUID(), month: input.month, body: input.text, confirmed_at: null, created_at: timestamp, updated_at: timestamp };
    this.insertRow.run(row);
    return toStory(row);
  }

  /** New text, which the worker confirms again before it shows in a report. */
  update(fields: StoryUpdateInput): SuccessStory {
    const input = parseInput(StoryUpdateInput, fields);
    const current = this.requireRow(input.id);
    this.checkText('The story', input.text);
    const unchanged = input.text === current.body;
    const next: StoryRow = { ...current, body: input.text, confirmed_at: unchanged ? current.confirmed_at : null, updated_at: this.clock().toISOString() };
    this.updateRow.run(next);
    return toStory(next);
  }

  /**
   * The worker's yes: this story may be shown in the month's report. Checked
   * again here, in case a student named in it was added after it was written.
   */
  confirm(id: string): SuccessStory {
    const current = this.requireRow(id);
    this.checkText('The story', current.body);
    const next: StoryRow = { ...current, confirmed_at: this.clock().toISOString(), updated_at: this.clock().toISOString() };
    this.updateRow.run(next);
    return toStory(next);
  }

  /** Takes the confirmation back: the story stays, out of the report. */
  unconfirm(id: string): SuccessStory {
    const current = this.requireRow(id);
    const next: StoryRow = { ...current, confirmed_at: null, updated_at: this.clock().toISOString() };
    this.updateRow.run(next);
    return toStory(next);
  }

  delete(id: string): void {
    if (this.deleteRow.run(parseInput(Id, id)).changes === 0) throw new VaultError('NOT_FOUND', 'No story with that id.');
  }

  private requireRow(id: string): StoryRow {
    const row = this.selectById.get(parseInput(Id, id));
    if (!row) throw new VaultError('NOT_FOUND', 'No story with that id.');
    return row;
  }
}
