import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { IssueCategory } from '../../shared/api/schemas';
import { DEFAULT_ISSUE_CATEGORIES } from '../../shared/domain/issueCategories';
import { slugFromLabel } from '../../src-main/vault/repos/categories';
import type { VaultData } from '../../src-main/vault/vaultData';
import { openTestVault, type TestDatabase } from './testVault';

let vault: TestDatabase & { data: VaultData };
let categories: VaultData['categories'];

beforeEach(() => {
  vault = openTestVault();
  categories = vault.data.categories;
});
afterEach(() => {
  vault.dispose();
});

describe('categories.list', () => {
  it('starts with the built-in defaults, in order', () => {
    const list = categories.list();
    expect(list.map((category) => category.id)).toEqual(DEFAULT_ISSUE_CATEGORIES.map((category) => category.id));
    expect(list.every((category) => category.builtin && !category.archived)).toBe(true);
    for (const category of list) expect(IssueCategory.safeParse(category).success).toBe(true);
  });
});

describe('categories.create', () => {
  it('derives a slug id from the label and adds the category at the end', () => {
    const created = categories.create('  Transitions & Moves ');
    expect(created).toEqual({ id: 'transitions_moves', label: 'Transitions & Moves', archived: false, builtin: false });
    expect(categories.list().at(-1)).toEqual(created);
  });

  it('makes the id unique when the slug is taken', () => {
    categories.update('attendance', { label: 'School attendance' });
    expect(categories.create('Attendance!').id).toBe('attendance_2');
    expect(categories.create('attendance?').id).toBe('attendance_3');
  });

  it('refuses a label that exists, in any letter case, with CONFLICT', () => {
    expect(() => categories.create('grief / LOSS')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(categories.list()).toHaveLength(DEFAULT_ISSUE_CATEGORIES.length);
  });

  it('refuses an empty or overlong label', () => {
    expect(() => categories.create('   ')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => categories.create('x'.repeat(61))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('slugs labels with accents, symbols only or great length', () => {
    expect(slugFromLabel('Été / Deuil')).toBe('ete_deuil');
    expect(slugFromLabel('***')).toBe('category');
    expect(slugFromLabel('a'.repeat(60)).length).toBe(40);
  });
});

describe('categories.update', () => {
  it('renames and archives, built-in ones included', () => {
    const renamed = categories.update('behavior', { label: 'Conduct' });
    expect(renamed).toEqual({ id: 'behavior', label: 'Conduct', archived: false, builtin: true });
    const archived = categories.update('behavior', { archived: true });
    expect(archived).toMatchObject({ label: 'Conduct', archived: true });
    expect(categories.list().find((category) => category.id === 'behavior')).toEqual(archived);
  });

  it('refuses a label another category has, but allows recasing its own', () => {
    expect(() => categories.update('behavior', { label: 'attendance' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(categories.update('behavior', { label: 'BEHAVIOR' }).label).toBe('BEHAVIOR');
  });

  it('reports an unknown id as NOT_FOUND', () => {
    expect(() => categories.update('astrology', { archived: true })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
