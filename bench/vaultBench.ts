import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyVaultPragmas, openEncryptedDatabase, type VaultDatabase } from '../src-main/vault/connection';
import { calibrateKdf, deriveKey } from '../src-main/vault/kdf';
import { migrate } from '../src-main/vault/schema/migrations';
import { VaultData } from '../src-main/vault/vaultData';
import { buildCorpus, seededRandom, type Corpus } from './corpus';
import { percentile, timeAsync, timeEach } from './stats';

import type { BenchRow } from './row';

const PLAIN = 'plain SQLite, same settings';

function row(name: string, target: string, encrypted: number, plain: number | null): BenchRow {
  return { area: 'vault', name, target, value: encrypted, peer: plain === null ? null : { name: PLAIN, value: plain } };
}

type Flavor = 'encrypted' | 'plain';

interface OpenVault {
  db: VaultDatabase;
  data: VaultData;
  file: string;
}

const key = crypto.randomBytes(32);

function openVault(file: string, flavor: Flavor): OpenVault {
  let db: VaultDatabase;
  if (flavor === 'encrypted') {
    db = openEncryptedDatabase(file, key, { create: true });
  } else {
    db = new Database(file);
    applyVaultPragmas(db);
  }
  migrate(db);
  return { db, data: new VaultData(db), file };
}

/** Fills a vault with the corpus in large transactions (the benchmark setup, not a measurement). */
function fill(vault: OpenVault, corpus: Corpus): void {
  const random = seededRandom(7);
  const students = Array.from({ length: 200 }, (_, index) => vault.data.students.create({ code: `S-${index}` }).id);
  const insertBatch = vault.db.transaction((bodies: string[]) => {
    for (const body of bodies) {
      vault.data.notes.create({ body, studentId: students[Math.floor(random() * students.length)] ?? null });
    }
  });
  for (let start = 0; start < corpus.notes.length; start += 5000) insertBatch(corpus.notes.slice(start, start + 5000));
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
}

function searchRows(label: string, vaults: Record<Flavor, OpenVault>, corpus: Corpus, rareTarget: string): BenchRow[] {
  const sets: Array<[string, string[], string]> = [
    [`search rare word p95 (${label})`, corpus.rareWords.slice(0, 200), rareTarget],
    [`search prefix p95 (${label})`, corpus.prefixes.slice(0, 200).map((prefix) => `${prefix}*`), rareTarget],
    [`search common word, ranked top 20, p95 (${label})`, corpus.commonWords.slice(0, 20), 'report'],
  ];
  return sets.map(([name, queries, target]) => {
    const measure = (flavor: Flavor) => {
      const { data } = vaults[flavor];
      timeEach(queries.slice(0, 20), (query) => data.notes.search(query, 20)); // warm the page cache
      return percentile(timeEach(queries, (query) => data.notes.search(query, 20)), 95);
    };
    return row(name, target, measure('encrypted'), measure('plain'));
  });
}

export async function runVaultBench(options: { sizes: number[]; log: (line: string) => void }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sole-notes-bench-'));
  try {
    options.log('calibrating argon2id…');
    const params = await calibrateKdf();
    const kdfSamples: number[] = [];
    for (let i = 0; i < 3; i += 1) kdfSamples.push(await timeAsync(() => deriveKey('correct horse battery staple', params)));
    rows.push(row(`unlock: argon2id (${Math.round(params.memoryKiB / 1024)} MiB, ${params.passes} passes, ${params.parallelism} lanes)`, '500-1000 ms', percentile(kdfSamples, 50), null));

    for (const size of options.sizes) {
      options.log(`building ${size.toLocaleString('en-US')} notes (encrypted and plain)…`);
      const corpus = buildCorpus(size);
      const vaults = {
        encrypted: openVault(path.join(dir, `enc-${size}.db`), 'encrypted'),
        plain: openVault(path.join(dir, `plain-${size}.db`), 'plain'),
      };
      fill(vaults.encrypted, corpus);
      fill(vaults.plain, corpus);
      const label = `${size / 1000}k notes`;

      if (size === options.sizes[0]) {
        const saveBodies = corpus.notes.slice(0, 300);
        const save = (flavor: Flavor) => timeEach(saveBodies, (body) => vaults[flavor].data.notes.create({ body }));
        const encryptedSaves = save('encrypted');
        const plainSaves = save('plain');
        rows.push(row(`note save p50 (${label})`, '<= 1 ms', percentile(encryptedSaves, 50), percentile(plainSaves, 50)));
        rows.push(row(`note save p99 (${label}, bounded by fsync)`, 'report', percentile(encryptedSaves, 99), percentile(plainSaves, 99)));
      }

      rows.push(...searchRows(label, vaults, corpus, size >= 100_000 ? '<= 10 ms' : 'report'));

      const reopen = (flavor: Flavor) => {
        const file = vaults[flavor].file;
        vaults[flavor].db.close();
        const samples = timeEach([1, 2, 3, 4, 5], () => openVault(file, flavor).db.close());
        return percentile(samples, 50);
      };
      rows.push(row(`unlock: open database (${label})`, 'report', reopen('encrypted'), reopen('plain')));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
