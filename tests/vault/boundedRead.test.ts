import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChosenFile } from '../../src-main/handover/files';
import { BoundedReadError, readBoundedFile, readBoundedFileSync } from '../../src-main/vault/boundedRead';
import { readKeyFile } from '../../src-main/vault/keys/keyFile';
import { makeTempDir, removeDir } from '../helpers/tempVault';
import { rejectionCode } from './vaultFolder';

/* The one reader of every file the app reads: regular files only, never past a cap. */

let root: string;
let fifo: string;

beforeAll(() => {
  root = makeTempDir('sole-notes-bounded-read-');
  fifo = path.join(root, 'pipe');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
});

afterAll(() => removeDir(root));

function reasonOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof BoundedReadError) return error.reason;
    throw error;
  }
  throw new Error('expected the read to be refused');
}

async function asyncReasonOf(read: () => Promise<unknown>): Promise<string> {
  try {
    await read();
  } catch (error) {
    if (error instanceof BoundedReadError) return error.reason;
    throw error;
  }
  throw new Error('expected the read to be refused');
}

describe('readBoundedFile', () => {
  it('reads a regular file up to and including the cap, and refuses one byte more', async () => {
    const file = path.join(root, 'ten.txt');
    fs.writeFileSync(file, '0123456789');
    expect(readBoundedFileSync(file, 10).toString()).toBe('0123456789');
    expect((await readBoundedFile(file, 10)).toString()).toBe('0123456789');
    expect(reasonOf(() => readBoundedFileSync(file, 9))).toBe('too-large');
    expect(await asyncReasonOf(() => readBoundedFile(file, 9))).toBe('too-large');
    const empty = path.join(root, 'empty.txt');
    fs.writeFileSync(empty, '');
    expect(readBoundedFileSync(empty, 10)).toHaveLength(0);
  });

  it('reads a file larger than its first chunk whole', () => {
    const file = path.join(root, 'big.bin');
    const bytes = Buffer.alloc(300 * 1024, 7);
    fs.writeFileSync(file, bytes);
    expect(readBoundedFileSync(file, bytes.length).equals(bytes)).toBe(true);
  });

  it.each([
    ['/dev/zero', () => '/dev/zero'],
    ['a link to /dev/zero', () => linkTo('/dev/zero', 'zero-link')],
    ['a pipe nobody writes to', () => fifo],
    ['a folder', () => root],
  ])('refuses %s as not a regular file, without reading it', async (_what, file) => {
    expect(reasonOf(() => readBoundedFileSync(file(), 1024))).toBe('not-a-file');
    expect(await asyncReasonOf(() => readBoundedFile(file(), 1024))).toBe('not-a-file');
  });

  it('says a missing file is missing, and names the file in its message', () => {
    const missing = path.join(root, 'absent.json');
    expect(reasonOf(() => readBoundedFileSync(missing, 1024))).toBe('missing');
    expect(() => readBoundedFileSync('/dev/zero', 1024)).toThrow('/dev/zero was not read: it is not a regular file');
  });
});

describe('the files the app reads through it', () => {
  it('a keys file that links to /dev/zero is KEYS_CORRUPT, not a hang', async () => {
    const vault = path.join(root, 'vault');
    fs.mkdirSync(vault);
    fs.symlinkSync('/dev/zero', path.join(vault, 'vault.keys.json'));
    expect(await rejectionCode(readKeyFile(vault))).toBe('KEYS_CORRUPT');
  });

  it('a handover file that is a pipe or a device is refused as not a file', () => {
    expect(() => readChosenFile(fifo, 'file')).toThrow(`file: ${fifo} is not a file.`);
    expect(() => readChosenFile(linkTo('/dev/zero', 'package-link'), 'file')).toThrow('is not a file');
  });
});

function linkTo(target: string, name: string): string {
  const link = path.join(root, name);
  if (!fs.existsSync(link)) fs.symlinkSync(target, link);
  return link;
}
