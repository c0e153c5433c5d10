import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyVaultPragmas, openEncryptedDatabase, verifyIntegrity, type VaultDatabase } from '../src-main/vault/connection';
import { startIntegrityCheck } from '../src-main/vault/integrityCheck';
import { calibrateKdf, deriveKey } from '../src-main/vault/keys/kdf';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrateWith } from '../src-main/vault/schema/migrations';
import { VaultData } from '../src-main/vault/vaultData';
import { buildCorpus, seededRandom, type Corpus } from './corpus';
import { percentile, timeAsync } from './stats';

import type { BenchRow } from './row';

/*
 * The encrypted vault against plain SQLite with the same pragmas, the same
 * schema and the same data, in the same run. To keep machine load from
 * favouring either side, every measurement alternates between the two, one
 * sample at a time, starting with each side in turn (ABBA), and both are
 * warmed the same way. Searches run on connections opened afresh, as after
 * an unlock, so the page cache holds only what the same warm-up queries left.
 */

const PLAIN = 'plain SQLite, same settings';
const SAVE_SAMPLES = 600;
const SAVE_WARMUP = 50;

function row(name: string, target: string, encrypted: number, plain: number | null): BenchRow {
  return { area: 'vault', name, target, value: encrypted, peer: plain === null ? null : { name: PLAIN, value: plain } };
}

type Flavor = 'encrypted' | 'plain';
const FLAVORS: readonly Flavor[] = ['encrypted', 'plain'];

interface OpenVault {
  db: VaultDatabase;
  data: VaultData;
  file: string;
}

const key = crypto.randomBytes(32);
/** The schema version the vaults are built at: the latest, or an earlier one (`--schema=N`) to measure before and after a migration. */
let schema = LATEST_SCHEMA_VERSION;

/** What unlock does to the database (VaultSession#openDatabase): open, key, check what opening needs, migrate, prepare. */
function openVault(file: string, flavor: Flavor): OpenVault {
  let db: VaultDatabase;
  if (flavor === 'encrypted') {
    db = openEncryptedDatabase(file, key, { create: !fs.existsSync(file) });
  } else {
    db = new Database(file);
    applyVaultPragmas(db);
  }
  migrateWith(db, MIGRATIONS.slice(0, schema));
  return { db, data: new VaultData(db), file };
}

/**
 * Runs `work` `count` times on each side, alternating one sample at a time;
 * even samples start with the encrypted side, odd ones with plain.
 */
function interleaved(count: number, work: (flavor: Flavor, index: number) => void): Record<Flavor, number[]> {
  const samples: Record<Flavor, number[]> = { encrypted: [], plain: [] };
  for (let index = 0; index < count; index += 1) {
    const order = index % 2 === 0 ? FLAVORS : [...FLAVORS].reverse();
    for (const flavor of order) {
      const start = performance.now();
      work(flavor, index);
      samples[flavor].push(performance.now() - start);
    }
  }
  return samples;
}

/** Fills a vault with the corpus in large transactions (the benchmark setup, not a measurement); returns the note ids in order. */
function fill(vault: OpenVault, corpus: Corpus): { notes: string[]; students: string[] } {
  const random = seededRandom(7);
  const students = Array.from({ length: 200 }, (_, index) => vault.data.students.create({ code: `S-${index}` }).id);
  const ids: string[] = [];
  const insertBatch = vault.db.transaction((bodies: string[]) => {
    for (const body of bodies) {
      ids.push(vault.data.notes.create({ body, studentId: students[Math.floor(random() * students.length)] ?? null }).id);
    }
  });
  for (let start = 0; start < corpus.notes.length; start += 5000) insertBatch(corpus.notes.slice(start, start + 5000));
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  return { notes: ids, students };
}

/**
 * An unfinished note written as the draft keeper writes it (drafts/draftKeeper.ts):
 * one transaction upserting the editor's whole text, a little longer each
 * time, as while typing. The drafts table is tiny whatever the vault holds,
 * so the cost is one row's pages; the commit does not wait for the disk
 * (see DraftRepository.write).
 */
function draftRows(label: string, vaults: Record<Flavor, OpenVault>, corpus: Corpus, ids: Record<Flavor, { notes: string[]; students: string[] }>): BenchRow[] {
  const typed = corpus.notes.slice(0, 8).join(' ');
  const put = (flavor: Flavor, index: number) => {
    const body = typed.slice(0, 200 + ((index * 7) % Math.max(1, typed.length - 200)));
    const context = { kind: 'note', noteId: null, studentId: ids[flavor].students[index % 4] ?? null, serviceId: null } as const;
    vaults[flavor].data.drafts.write([{ context, body, cursor: body.length, form: null, resume: true }]);
  };
  interleaved(SAVE_WARMUP, put);
  const saves = interleaved(SAVE_SAMPLES, (flavor, index) => put(flavor, SAVE_WARMUP + index));
  return [
    row(`draft save p50 (${label})`, '<= 2 ms', percentile(saves.encrypted, 50), percentile(saves.plain, 50)),
    row(`draft save p99 (${label})`, 'report', percentile(saves.encrypted, 99), percentile(saves.plain, 99)),
  ];
}

/**
 * Pages each save writes to the write-ahead log. Not the same on both sides:
 * SQLCipher keeps 80 bytes of every page for its IV and HMAC, so a row that
 * just fits a plain page can spill into an overflow page in the vault.
 */
function pagesPerSave(vault: OpenVault, saves: Array<() => void>): number {
  const wal = `${vault.file}-wal`;
  const frames = () => (fs.existsSync(wal) ? Math.max(0, (fs.statSync(wal).size - 32) / (4096 + 24)) : 0);
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  vault.db.pragma('wal_autocheckpoint = 0');
  const start = frames();
  for (const save of saves) save();
  const written = frames() - start;
  vault.db.pragma('wal_autocheckpoint = 1000');
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  return written / saves.length;
}

function saveRows(label: string, vaults: Record<Flavor, OpenVault>, corpus: Corpus, ids: Record<Flavor, { notes: string[]; students: string[] }>): BenchRow[] {
  const random = seededRandom(11);
  const bodies = corpus.notes;
  const pick = () => Math.floor(random() * bodies.length);
  // The same new bodies and the same notes (by position) on both sides.
  const newNotes = Array.from({ length: SAVE_WARMUP + SAVE_SAMPLES + 100 }, () => ({ body: bodies[pick()] as string, student: Math.floor(random() * 200) }));
  const edits = Array.from({ length: SAVE_WARMUP + SAVE_SAMPLES + 100 }, () => ({ note: pick(), body: bodies[pick()] as string }));
  // A new note about one of the students, as the editor saves it.
  const create = (flavor: Flavor, index: number) => {
    const { body, student } = newNotes[index] as { body: string; student: number };
    vaults[flavor].data.notes.create({ body: `${body} ${index}`, studentId: ids[flavor].students[student] ?? null });
  };
  const edit = (flavor: Flavor, index: number) => {
    const { note, body } = edits[index] as { note: number; body: string };
    vaults[flavor].data.notes.update(ids[flavor].notes[note] as string, { body: `${body} ${index}` });
  };

  interleaved(SAVE_WARMUP, create);
  const creates = interleaved(SAVE_SAMPLES, (flavor, index) => create(flavor, SAVE_WARMUP + index));
  interleaved(SAVE_WARMUP, edit);
  const updates = interleaved(SAVE_SAMPLES, (flavor, index) => edit(flavor, SAVE_WARMUP + index));

  const offset = SAVE_WARMUP + SAVE_SAMPLES;
  const pages = (flavor: Flavor) => ({
    created: pagesPerSave(vaults[flavor], Array.from({ length: 50 }, (_, index) => () => create(flavor, offset + index))),
    edited: pagesPerSave(vaults[flavor], Array.from({ length: 50 }, (_, index) => () => edit(flavor, offset + 50 + index))),
  });
  const encryptedPages = pages('encrypted');
  const plainPages = pages('plain');

  return [
    row(`note save p50, new note (${label})`, '<= 1 ms', percentile(creates.encrypted, 50), percentile(creates.plain, 50)),
    row(`note save p99, new note (${label}, bounded by fsync)`, 'report', percentile(creates.encrypted, 99), percentile(creates.plain, 99)),
    row(`note save p50, edited note (${label})`, '<= 1 ms', percentile(updates.encrypted, 50), percentile(updates.plain, 50)),
    row(`note save p99, edited note (${label}, bounded by fsync)`, 'report', percentile(updates.encrypted, 99), percentile(updates.plain, 99)),
    row(`pages written per save, new note (${label}; pages, not ms)`, 'report', encryptedPages.created, plainPages.created),
    row(`pages written per save, edited note (${label}; pages, not ms)`, 'report', encryptedPages.edited, plainPages.edited),
  ];
}

/**
 * Each query set runs twice on the freshly opened connections: first every
 * query once (the pages each one needs are read from disk, and on the
 * encrypted side decrypted and verified), then the same queries again (their
 * pages are in the connection's cache), as when the worker refines a search.
 * Rare words and prefixes are reported both ways; common words once.
 */
function searchRows(label: string, vaults: Record<Flavor, OpenVault>, corpus: Corpus, rareTarget: string): BenchRow[] {
  const sets: Array<[string, string[], string, boolean]> = [
    ['search rare word p95', corpus.rareWords.slice(0, 200), rareTarget, true],
    ['search prefix p95', corpus.prefixes.slice(0, 200).map((prefix) => `${prefix}*`), rareTarget, true],
    ['search common word, ranked top 20, p95', corpus.commonWords.slice(0, 20), 'report', false],
  ];
  return sets.flatMap(([name, queries, target, again]) => {
    const run = (flavor: Flavor, index: number) => vaults[flavor].data.notes.search(queries[index % queries.length] as string, 20);
    interleaved(Math.min(20, queries.length), run); // the same warm-up on both sides
    const first = interleaved(Math.max(queries.length, 100), run);
    const rows = [row(`${name} (${label}${again ? ', first search of each' : ''})`, target, percentile(first.encrypted, 95), percentile(first.plain, 95))];
    if (again) {
      const repeated = interleaved(Math.max(queries.length, 100), run);
      rows.push(row(`${name} (${label}, each again: pages cached)`, target, percentile(repeated.encrypted, 95), percentile(repeated.plain, 95)));
    }
    return rows;
  });
}

/**
 * Unlock's work on the database, before and after the integrity check moved
 * to the background: the full `PRAGMA integrity_check` at unlock (before),
 * and open + the checks opening needs + starting the background check (after).
 * The background check's own time to finish is reported too (encrypted only).
 */
async function unlockRows(label: string, files: Record<Flavor, string>): Promise<BenchRow[]> {
  const fullCheck = interleaved(5, (flavor) => {
    const vault = openVault(files[flavor], flavor);
    verifyIntegrity(vault.db);
    vault.db.close();
  });
  // Each background check is let finish (untimed) before the next sample, so that it never runs beside one.
  const now: Record<Flavor, number[]> = { encrypted: [], plain: [] };
  for (let index = 0; index < 9; index += 1) {
    for (const flavor of index % 2 === 0 ? FLAVORS : [...FLAVORS].reverse()) {
      const start = performance.now();
      const vault = openVault(files[flavor], flavor);
      const check = flavor === 'encrypted' ? startIntegrityCheck(files[flavor], key, () => undefined) : null;
      now[flavor].push(performance.now() - start);
      await check?.done;
      vault.db.close();
    }
  }
  const background: number[] = [];
  for (let index = 0; index < 3; index += 1) {
    background.push(
      await timeAsync(async () => {
        const outcome = await startIntegrityCheck(files.encrypted, key, () => undefined).done;
        if (outcome?.status !== 'ok') throw new Error('the benchmark vault failed its integrity check');
      }),
    );
  }
  return [
    row(`unlock: open + full integrity check, before (${label})`, 'report', percentile(fullCheck.encrypted, 50), percentile(fullCheck.plain, 50)),
    row(`unlock: open + checks (${label})`, 'report', percentile(now.encrypted, 50), percentile(now.plain, 50)),
    row(`after unlock, in the background: full integrity check (${label})`, 'report', percentile(background, 50), null),
  ];
}

export async function runVaultBench(options: { sizes: number[]; log: (line: string) => void; schemaVersion?: number; draftsOnly?: boolean }): Promise<BenchRow[]> {
  schema = options.schemaVersion ?? LATEST_SCHEMA_VERSION;
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sole-notes-bench-'));
  try {
    if (options.draftsOnly === true) return await draftOnlyRows(options.sizes, dir, options.log);
    options.log('calibrating argon2id…');
    const params = await calibrateKdf();
    const kdfSamples: number[] = [];
    for (let i = 0; i < 3; i += 1) kdfSamples.push(await timeAsync(() => deriveKey('correct horse battery staple', params)));
    rows.push(row(`unlock: argon2id (${Math.round(params.memoryKiB / 1024)} MiB, ${params.passes} passes, ${params.parallelism} lanes)`, '500-1000 ms', percentile(kdfSamples, 50), null));

    for (const size of options.sizes) {
      options.log(`building ${size.toLocaleString('en-US')} notes (encrypted and plain)…`);
      const corpus = buildCorpus(size);
      const files: Record<Flavor, string> = { encrypted: path.join(dir, `enc-${size}.db`), plain: path.join(dir, `plain-${size}.db`) };
      let vaults = { encrypted: openVault(files.encrypted, 'encrypted'), plain: openVault(files.plain, 'plain') };
      const ids = { encrypted: fill(vaults.encrypted, corpus), plain: fill(vaults.plain, corpus) };
      const label = `${size / 1000}k notes`;

      if (size === options.sizes[0]) {
        options.log(`saves at ${label}…`);
        rows.push(...saveRows(label, vaults, corpus, ids));
        options.log(`unfinished-note saves at ${label}…`);
        rows.push(...draftRows(label, vaults, corpus, ids));
      }

      // As after an unlock: fresh connections, nothing in their page caches.
      for (const flavor of FLAVORS) vaults[flavor].db.close();
      vaults = { encrypted: openVault(files.encrypted, 'encrypted'), plain: openVault(files.plain, 'plain') };
      options.log(`searches at ${label}…`);
      rows.push(...searchRows(label, vaults, corpus, size >= 100_000 ? '<= 10 ms' : 'report'));
      for (const flavor of FLAVORS) vaults[flavor].db.close();

      options.log(`unlock at ${label}…`);
      rows.push(...(await unlockRows(label, files)));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Just the unfinished-note rows (`--drafts-only`), on vaults filled as for the rest. */
async function draftOnlyRows(sizes: number[], dir: string, log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    log(`building ${size.toLocaleString('en-US')} notes (encrypted and plain)…`);
    const corpus = buildCorpus(size);
    const vaults = { encrypted: openVault(path.join(dir, `enc-${size}.db`), 'encrypted'), plain: openVault(path.join(dir, `plain-${size}.db`), 'plain') };
    const ids = { encrypted: fill(vaults.encrypted, corpus), plain: fill(vaults.plain, corpus) };
    rows.push(...draftRows(`${size / 1000}k notes`, vaults, corpus, ids));
    for (const flavor of FLAVORS) vaults[flavor].db.close();
  }
  return rows;
}
