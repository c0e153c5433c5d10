import crypto from 'node:crypto';
import { FollowUpSetInput, FollowUpTarget, type DueFollowUp, type FollowUp } from '../../../shared/api/followUpSchemas';
import { Id } from '../../../shared/api/schemas';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { parseInput } from './validation';
import { writeTransaction } from '../writeTransaction';

interface FollowUpRow {
  id: string;
  note_id: string | null;
  service_id: string | null;
  due_on: string;
  done_at: string | null;
  created_at: string;
  updated_at: string;
}

interface DueRow extends FollowUpRow {
  student_ids: string;
  note_preview: string | null;
  service_kind: string | null;
  minutes: number | null;
  on_day: string;
}

const PREVIEW_LENGTH = 120;

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    noteId: row.note_id,
    serviceId: row.service_id,
    dueOn: row.due_on,
    doneAt: row.done_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDue(row: DueRow): DueFollowUp {
  const preview = row.note_preview?.replace(/\s+/g, ' ').trim() ?? null;
  return {
    ...toFollowUp(row),
    studentIds: JSON.parse(row.student_ids) as string[],
    notePreview: preview,
    serviceKind: row.service_kind,
    minutes: row.minutes,
    on: row.on_day,
  };
}

/*
 * Open follow-ups due by a day, oldest due first, each with what it is about,
 * in one query (Today shows them all at once). A note's day is the day it was
 * written on the worker's calendar; a service's day is its date.
 */
const SELECT_DUE = `
  SELECT f.*,
    CASE WHEN f.note_id IS NOT NULL
      THEN (CASE WHEN n.student_id IS NULL THEN '[]' ELSE json_array(n.student_id) END)
      ELSE (SELECT json_group_array(student_id) FROM service_students WHERE service_id = f.service_id)
    END AS student_ids,
    substr(n.body, 1, ${PREVIEW_LENGTH * 2}) AS note_preview,
    s.kind AS service_kind,
    s.minutes AS minutes,
    COALESCE(s.date, date(n.created_at, 'localtime')) AS on_day
  FROM follow_ups f
  LEFT JOIN notes n ON n.id = f.note_id
  LEFT JOIN services s ON s.id = f.service_id
  WHERE f.done_at IS NULL AND f.due_on <= @day
  ORDER BY f.due_on, f.created_at, f.id`;

/** "Follow up on" days of notes and services: set, moved, cleared, marked done. */
export class FollowUpRepository {
  private readonly selectForNote;
  private readonly selectForService;
  private readonly selectById;
  private readonly selectDue;
  private readonly countLater;
  private readonly noteExists;
  private readonly serviceExists;
  private readonly insertRow;
  private readonly moveRow;
  private readonly deleteForNote;
  private readonly deleteForService;
  private readonly markDoneRow;
  private readonly put;

  constructor(
    db: VaultDatabase,
    private readonly clock: () => Date,
  ) {
    this.selectForNote = db.prepare<[string], FollowUpRow>('SELECT * FROM follow_ups WHERE note_id = ?');
    this.selectForService = db.prepare<[string], FollowUpRow>('SELECT * FROM follow_ups WHERE service_id = ?');
    this.selectById = db.prepare<[string], FollowUpRow>('SELECT * FROM follow_ups WHERE id = ?');
    this.selectDue = db.prepare<[{ day: string }], DueRow>(SELECT_DUE);
    this.countLater = db.prepare<[string], number>('SELECT count(*) FROM follow_ups WHERE done_at IS NULL AND due_on > ?').pluck();
    this.noteExists = db.prepare<[string], number>('SELECT 1 FROM notes WHERE id = ?').pluck();
    this.serviceExists = db.prepare<[string], number>('SELECT 1 FROM services WHERE id = ?').pluck();
    this.insertRow = db.prepare<[FollowUpRow]>(
      `INSERT INTO follow_ups (id, note_id, service_id, due_on, done_at, created_at, updated_at)
       VALUES (@id, @note_id, @service_id, @due_on, @done_at, @created_at, @updated_at)`,
    );
    this.moveRow = db.prepare<[{ id: string; due_on: string; updated_at: string }]>(
      'UPDATE follow_ups SET due_on = @due_on, done_at = NULL, updated_at = @updated_at WHERE id = @id',
    );
    this.deleteForNote = db.prepare<[string]>('DELETE FROM follow_ups WHERE note_id = ?');
    this.deleteForService = db.prepare<[string]>('DELETE FROM follow_ups WHERE service_id = ?');
    this.markDoneRow = db.prepare<[{ id: string; at: string }]>('UPDATE follow_ups SET done_at = @at, updated_at = @at WHERE id = @id AND done_at IS NULL');
    this.put = writeTransaction(db, (target: FollowUpTarget, dueOn: string): FollowUp => {
      this.refuseMissingTarget(target);
      const timestamp = this.clock().toISOString();
      const existing = this.rowFor(target);
      if (existing) {
        this.moveRow.run({ id: existing.id, due_on: dueOn, updated_at: timestamp });
      } else {
        this.insertRow.run({
          id: crypto.randomUUID(),
          note_id: target.noteId ?? null,
          service_id: target.serviceId ?? null,
          due_on: dueOn,
          done_at: null,
          created_at: timestamp,
          updated_at: timestamp,
        });
      }
      return toFollowUp(this.rowFor(target) as FollowUpRow);
    });
  }

  /** The follow-up of a note or a service, done or not, or null. */
  get(target: FollowUpTarget): FollowUp | null {
    const row = this.rowFor(parseInput(FollowUpTarget, target));
    return row ? toFollowUp(row) : null;
  }

  /** Sets the day to follow up on; moving it reopens a follow-up marked done. */
  set(input: FollowUpSetInput): FollowUp {
    const { dueOn, ...target } = parseInput(FollowUpSetInput, input);
    return this.put(target, dueOn);
  }

  /** Takes the follow-up off a note or a service (nothing to clear is fine). */
  clear(target: FollowUpTarget): void {
    const parsed = parseInput(FollowUpTarget, target);
    if (parsed.noteId !== undefined) this.deleteForNote.run(parsed.noteId);
    else this.deleteForService.run(parsed.serviceId ?? '');
  }

  /** Marks a follow-up done: it leaves Today. Marking it done twice is fine. */
  markDone(id: string): void {
    const row = this.selectById.get(parseInput(Id, id));
    if (!row) throw new VaultError('NOT_FOUND', 'No follow-up with that id.');
    this.markDoneRow.run({ id: row.id, at: this.clock().toISOString() });
  }

  /** Open follow-ups due on `day` or before (overdue first), each with what it is about. */
  dueBy(day: string): DueFollowUp[] {
    return this.selectDue.all({ day }).map(toDue);
  }

  /** How many open follow-ups are due after `day`. */
  laterThan(day: string): number {
    return this.countLater.get(day) ?? 0;
  }

  private rowFor(target: FollowUpTarget): FollowUpRow | undefined {
    return target.noteId !== undefined ? this.selectForNote.get(target.noteId) : this.selectForService.get(target.serviceId ?? '');
  }

  private refuseMissingTarget(target: FollowUpTarget): void {
    if (target.noteId !== undefined) {
      if (this.noteExists.get(target.noteId) === undefined) throw new VaultError('NOT_FOUND', 'No note with that id.');
    } else if (this.serviceExists.get(target.serviceId ?? '') === undefined) {
      throw new VaultError('NOT_FOUND', 'No service with that id.');
    }
  }
}
