import { z } from 'zod';
import { CategoryId, type IssueCategory } from '../../../shared/api/schemas';
import type { VaultDatabase } from '../connection';
import { VaultError } from '../errors';
import { parseInput } from './validation';

interface CategoryRow {
  id: string;
  label: string;
  archived: number;
  builtin: number;
  sort: number;
}

const MAX_ID_LENGTH = 40;
const Label = z.string().trim().min(1, 'enter a label').max(60, 'a label is at most 60 characters');
const CategoryChanges = z.object({ label: Label.optional(), archived: z.boolean().optional() });

/** `Grief & Loss (ÉTÉ)` → `grief_loss_ete`: lower-case ASCII letters, digits and underscores. */
export function slugFromLabel(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, MAX_ID_LENGTH)
    .replace(/^_+|_+$/g, '');
  return slug === '' ? 'category' : slug;
}

function toCategory(row: CategoryRow): IssueCategory {
  return { id: row.id, label: row.label, archived: row.archived === 1, builtin: row.builtin === 1 };
}

/** Issue categories: the defaults plus the worker's own; archived, never deleted, since services refer to them. */
export class CategoryRepository {
  private readonly selectAll;
  private readonly selectById;
  private readonly insertRow;
  private readonly updateRow;

  constructor(db: VaultDatabase) {
    this.selectAll = db.prepare<[], CategoryRow>('SELECT * FROM issue_categories ORDER BY sort, label');
    this.selectById = db.prepare<[string], CategoryRow>('SELECT * FROM issue_categories WHERE id = ?');
    this.insertRow = db.prepare<[CategoryRow]>(
      `INSERT INTO issue_categories (id, label, archived, builtin, sort)
       VALUES (@id, @label, @archived, @builtin, (SELECT coalesce(max(sort), 0) + 10 FROM issue_categories))`,
    );
    this.updateRow = db.prepare<[CategoryRow]>('UPDATE issue_categories SET label = @label, archived = @archived WHERE id = @id');
  }

  /** All categories, archived ones included, in the worker's order. */
  list(): IssueCategory[] {
    return this.selectAll.all().map(toCategory);
  }

  create(label: string): IssueCategory {
    const text = parseInput(Label, label);
    this.refuseTakenLabel(text, null);
    const row: CategoryRow = { id: this.freeId(slugFromLabel(text)), label: text, archived: 0, builtin: 0, sort: 0 };
    this.insertRow.run(row);
    return this.get(row.id);
  }

  update(id: string, changes: { label?: string; archived?: boolean }): IssueCategory {
    const input = parseInput(CategoryChanges, changes);
    const current = this.selectById.get(parseInput(CategoryId, id));
    if (!current) throw new VaultError('NOT_FOUND', 'No issue category with that id.');
    if (input.label !== undefined) this.refuseTakenLabel(input.label, id);
    const next: CategoryRow = {
      ...current,
      label: input.label ?? current.label,
      archived: input.archived === undefined ? current.archived : Number(input.archived),
    };
    this.updateRow.run(next);
    return toCategory(next);
  }

  private get(id: string): IssueCategory {
    const row = this.selectById.get(id);
    if (!row) throw new VaultError('NOT_FOUND', 'No issue category with that id.');
    return toCategory(row);
  }

  private refuseTakenLabel(label: string, exceptId: string | null): void {
    const wanted = label.toLocaleLowerCase();
    const holder = this.selectAll.all().find((row: CategoryRow) => row.id !== exceptId && row.label.toLocaleLowerCase() === wanted);
    if (holder) throw new VaultError('CONFLICT', `An issue category named ${holder.label} already exists.`);
  }

  private freeId(base: string): string {
    if (this.selectById.get(base) === undefined) return base;
    for (let n = 2; ; n += 1) {
      const suffix = `_${n}`;
      const candidate = `${base.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
      if (this.selectById.get(candidate) === undefined) return candidate;
    }
  }
}
