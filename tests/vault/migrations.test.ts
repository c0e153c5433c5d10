import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { DEFAULT_ISSUE_CATEGORIES } from '../../shared/domain/issueCategories';
import { VaultError } from '../../src-main/vault/errors';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  migrate,
  migrateWith,
  schemaVersion,
  type Migration,
} from '../../src-main/vault/schema/migrations';
import { openTestDatabase, schemaObjects, sha256File, type TestDatabase } from './testVault';

let vault: TestDatabase;

beforeEach(() => {
  vault = openTestDatabase();
});
afterEach(() => {
  vault.dispose();
});

function caught(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('the migration list', () => {
  it('is numbered 1, 2, 3… and LATEST_SCHEMA_VERSION is its last number', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)?.version);
  });

  it('refuses a list with a gap in its numbering', () => {
    const gap: Migration = { version: LATEST_SCHEMA_VERSION + 2, description: 'misnumbered', up: () => undefined };
    expect(() => migrateWith(vault.db, [...MIGRATIONS, gap])).toThrow(`numbered ${LATEST_SCHEMA_VERSION + 2}`);
    expect(schemaVersion(vault.db)).toBe(0);
  });
});

describe('migrate from an empty database', () => {
  it('reaches the latest version with every table, index and trigger', () => {
    expect(schemaVersion(vault.db)).toBe(0);
    migrate(vault.db);
    expect(schemaVersion(vault.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaObjects(vault.db, 'table')).toEqual(
      expect.arrayContaining([
        'students',
        'services',
        'service_students',
        'service_issues',
        'issue_categories',
        'notes',
        'note_revisions',
        'audit',
        'settings',
        'notes_fts',
      ]),
    );
    expect(schemaObjects(vault.db, 'index')).toEqual(
      expect.arrayContaining([
        'services_by_date',
        'service_students_by_student',
        'service_issues_by_category',
        'notes_by_updated',
        'notes_by_student',
      ]),
    );
    expect(schemaObjects(vault.db, 'trigger')).toEqual(
      expect.arrayContaining([
        'note_revisions_append_only',
        'note_revisions_outlive_no_note',
        'audit_no_update',
        'audit_no_delete',
        'notes_fts_after_insert',
        'notes_fts_after_update',
        'notes_fts_after_delete',
      ]),
    );
  });

  it('running it again is a no-op', () => {
    migrate(vault.db);
    vault.db.prepare("UPDATE issue_categories SET label = 'Renamed' WHERE id = 'attendance'").run();
    vault.db.prepare("UPDATE settings SET value = '30' WHERE key = 'autoLockMinutes'").run();
    const schemaCookie = vault.db.pragma('schema_version', { simple: true });
    const categories = vault.db.prepare('SELECT count(*) FROM issue_categories').pluck().get();

    migrate(vault.db);

    expect(vault.db.pragma('schema_version', { simple: true })).toBe(schemaCookie);
    expect(vault.db.prepare('SELECT count(*) FROM issue_categories').pluck().get()).toBe(categories);
    expect(vault.db.prepare("SELECT label FROM issue_categories WHERE id = 'attendance'").pluck().get()).toBe('Renamed');
    expect(vault.db.prepare("SELECT value FROM settings WHERE key = 'autoLockMinutes'").pluck().get()).toBe('30');
  });

  it('survives closing and reopening the encrypted file', () => {
    migrate(vault.db);
    const db = vault.reopen();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM issue_categories').pluck().get()).toBe(DEFAULT_ISSUE_CATEGORIES.length);
  });
});

describe('migration 1', () => {
  beforeEach(() => {
    migrateWith(vault.db, MIGRATIONS.slice(0, 1));
  });

  it('sets user_version to 1', () => {
    expect(schemaVersion(vault.db)).toBe(1);
  });

  it('seeds the default issue categories as built-in, in the domain order', () => {
    const rows = vault.db.prepare('SELECT id, label, archived, builtin FROM issue_categories ORDER BY sort').all();
    expect(rows).toEqual(DEFAULT_ISSUE_CATEGORIES.map(({ id, label }) => ({ id, label, archived: 0, builtin: 1 })));
  });

  it('seeds the default settings', () => {
    const rows = vault.db.prepare('SELECT key, value FROM settings ORDER BY key').all();
    expect(rows).toEqual([
      { key: 'autoLockMinutes', value: '5' },
      { key: 'textSize', value: '"normal"' },
      { key: 'theme', value: '"system"' },
    ]);
  });

  it('keys notes by an explicit integer seq, with a unique text id', () => {
    const columns = vault.db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all('notes') as { name: string; type: string; pk: number }[];
    expect(columns.find((column) => column.name === 'seq')).toMatchObject({ type: 'INTEGER', pk: 1 });
    const uniqueOnId = vault.db
      .prepare("SELECT count(*) FROM pragma_index_list('notes') AS l WHERE l.[unique] = 1 AND (SELECT group_concat(name) FROM pragma_index_info(l.name)) = 'id'")
      .pluck()
      .get();
    expect(uniqueOnId).toBe(1);
  });

  it('keeps note revisions unique per note and revision number', () => {
    const uniqueColumns = vault.db
      .prepare("SELECT (SELECT group_concat(name) FROM pragma_index_info(l.name)) FROM pragma_index_list('note_revisions') AS l WHERE l.[unique] = 1")
      .pluck()
      .all();
    expect(uniqueColumns).toContain('note_id,revision');
  });

  it('cascades service deletion to its join rows', () => {
    for (const table of ['service_students', 'service_issues']) {
      const keys = vault.db.prepare('SELECT "table", on_delete FROM pragma_foreign_key_list(?)').all(table);
      expect(keys).toContainEqual({ table: 'services', on_delete: 'CASCADE' });
    }
  });

  it('builds the full-text index on notes with the unicode61 tokenizer, prefixes and secure-delete', () => {
    const sql = vault.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'notes_fts'").pluck().get() as string;
    expect(sql).toMatch(/content\s*=\s*'notes'/);
    expect(sql).toMatch(/content_rowid\s*=\s*'seq'/);
    expect(sql).toMatch(/unicode61 remove_diacritics 2/);
    expect(sql).toMatch(/prefix\s*=\s*'2 3'/);
    expect(vault.db.prepare("SELECT v FROM notes_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
  });

  it('refuses values outside the enums and ranges', () => {
    const insertStudent = vault.db.prepare(
      "INSERT INTO students (id, code, tier, opened_on, created_at, updated_at) VALUES (?, ?, ?, '2026-01-05', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z')",
    );
    expect(() => insertStudent.run('00000000-0000-4000-8000-000000000001', 'A-1', 4)).toThrow(/CHECK/);
    expect(() => insertStudent.run('00000000-0000-4000-8000-000000000002', 'A-2', 2)).not.toThrow();
    const insertService = vault.db.prepare(
      "INSERT INTO services (id, date, minutes, kind, team_type, created_at, updated_at) VALUES (?, '2026-01-05', ?, ?, ?, '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z')",
    );
    expect(() => insertService.run('00000000-0000-4000-8000-000000000003', 30, 'nap', null)).toThrow(/CHECK/);
    expect(() => insertService.run('00000000-0000-4000-8000-000000000004', 0, 'administrative', null)).toThrow(/CHECK/);
    expect(() => insertService.run('00000000-0000-4000-8000-000000000005', 30, 'administrative', 'iep')).toThrow(/CHECK/);
    expect(() => insertService.run('00000000-0000-4000-8000-000000000006', 30, 'team_meeting', 'iep')).not.toThrow();
  });
});

describe('a vault from a newer version', () => {
  it('is refused with VAULT_FROM_FUTURE and its file is left byte for byte as it was', () => {
    migrate(vault.db);
    vault.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    vault.db.close();
    const before = sha256File(vault.file);

    const db = vault.reopen();
    const error = caught(() => migrate(db));
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('VAULT_FROM_FUTURE');
    expect((error as VaultError).message).toMatch(/newer version of Sole Notes/);
    expect((error as VaultError).message).toMatch(/not changed/);
    db.close();

    expect(sha256File(vault.file)).toBe(before);
  });
});

describe('a migration that fails midway', () => {
  it('leaves user_version and the schema untouched', () => {
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'fails after writing',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        db.exec("INSERT INTO settings (key, value) VALUES ('half', '1')");
        throw new Error('disk on fire');
      },
    };
    expect(() => migrateWith(vault.db, [...MIGRATIONS, failing])).toThrow('disk on fire');
    expect(schemaVersion(vault.db)).toBe(0);
    expect(schemaObjects(vault.db, 'table')).toEqual([]);

    // From the latest version too: the vault stays as it was, nothing of the failing migration does.
    migrate(vault.db);
    const tables = schemaObjects(vault.db, 'table');
    expect(() => migrateWith(vault.db, [...MIGRATIONS, failing])).toThrow('disk on fire');
    expect(schemaVersion(vault.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaObjects(vault.db, 'table')).toEqual(tables);
    expect(vault.db.prepare("SELECT count(*) FROM settings WHERE key = 'half'").pluck().get()).toBe(0);
  });

  it('passes the clock to each migration', () => {
    const seen: string[] = [];
    const recording: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'records the time',
      up: (_db, now) => void seen.push(now().toISOString()),
    };
    migrateWith(vault.db, [...MIGRATIONS, recording], () => new Date('2026-04-01T08:00:00.000Z'));
    expect(seen).toEqual(['2026-04-01T08:00:00.000Z']);
    expect(schemaVersion(vault.db)).toBe(LATEST_SCHEMA_VERSION + 1);
  });
});
