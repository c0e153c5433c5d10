import fs from 'node:fs';

/**
 * The one way Sole Notes reads a file: only a regular file, and never more
 * than a cap chosen for what the file should hold. A path that names a
 * device (`/dev/zero`), a pipe, a socket or a folder is refused before a
 * byte is read, so it can neither hang the app nor fill its memory.
 *
 * The checks are made on the opened descriptor (`fstat`), never on the path,
 * so a symbolic link swapped between a check and the read cannot get around
 * them. The file is opened non-blocking: opening a pipe nobody writes to
 * would otherwise wait for ever, before `fstat` could say what it is. At most
 * cap + 1 bytes are ever read, even from a file that grows while it is read.
 */

/**
 * The app's own small JSON files (the unlock attempts, the backup settings,
 * the restore marker, a backup's manifest): a few hundred bytes each, so
 * 64 KB leaves room to grow and still cannot fill the memory.
 */
export const MAX_STATE_FILE_BYTES = 64 * 1024;

/** Why a file was not read; each caller picks the error code, the words here name the file. */
export type UnreadableReason = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export class BoundedReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: UnreadableReason,
    readonly maxBytes: number,
    options?: { cause?: unknown },
  ) {
    super(describeUnreadable(file, reason, maxBytes), options);
    this.name = 'BoundedReadError';
  }
}

export function isBoundedReadError(error: unknown): error is BoundedReadError {
  return error instanceof BoundedReadError;
}

// O_NONBLOCK and O_NOCTTY do not exist on Windows, where opening a pipe does not block either.
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
const FIRST_CHUNK_BYTES = 64 * 1024;

export function readBoundedFileSync(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, READ_FLAGS);
  } catch (error) {
    throw openFailure(file, maxBytes, error);
  }
  try {
    const size = checkedSize(file, maxBytes, fs.fstatSync(fd));
    return readUpTo(file, maxBytes, size, (buffer, offset, length) => fs.readSync(fd, buffer, offset, length, null));
  } catch (error) {
    throw readFailure(file, maxBytes, error);
  } finally {
    fs.closeSync(fd);
  }
}

export async function readBoundedFile(file: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, READ_FLAGS);
  } catch (error) {
    throw openFailure(file, maxBytes, error);
  }
  try {
    const size = checkedSize(file, maxBytes, await handle.stat());
    return await readUpToAsync(file, maxBytes, size, async (buffer, offset, length) => (await handle.read(buffer, offset, length, null)).bytesRead);
  } catch (error) {
    throw readFailure(file, maxBytes, error);
  } finally {
    await handle.close();
  }
}

/** Plain-English words for each reason, naming the file. */
export function describeUnreadable(file: string, reason: UnreadableReason, maxBytes: number): string {
  return reason === 'missing' ? `There is no file at ${file}.` : `${file} was not read: ${whyUnreadable(reason, maxBytes)}.`;
}

/** Why, without the file's name: for messages that name it their own way. */
export function whyUnreadable(reason: UnreadableReason, maxBytes: number): string {
  switch (reason) {
    case 'missing':
      return 'there is no such file';
    case 'not-a-file':
      return 'it is not a regular file (it is a folder, a device or a pipe)';
    case 'too-large':
      return `it is larger than ${describeBytes(maxBytes)}, far too large for what it should hold`;
    case 'unreadable':
      return 'it could not be read';
  }
}

function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Math.floor(bytes / (1024 * 1024 * 1024))} GB`;
  if (bytes >= 1024 * 1024) return `${Math.floor(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function checkedSize(file: string, maxBytes: number, stat: fs.Stats): number {
  if (!stat.isFile()) throw new BoundedReadError(file, 'not-a-file', maxBytes);
  if (stat.size > maxBytes) throw new BoundedReadError(file, 'too-large', maxBytes);
  return stat.size;
}

type ReadInto = (buffer: Buffer, offset: number, length: number) => number;
type ReadIntoAsync = (buffer: Buffer, offset: number, length: number) => Promise<number>;

/**
 * The bytes read so far, growing up to cap + 1 bytes: reading stops at the end
 * of the file or at that limit, whichever comes first, and more than the cap
 * is refused. Shared by the sync and async readers so both keep one rule.
 */
class CappedBuffer {
  private readonly limit: number;
  private buffer: Buffer;
  private total = 0;

  constructor(
    private readonly file: string,
    private readonly maxBytes: number,
    size: number,
  ) {
    this.limit = maxBytes + 1;
    this.buffer = Buffer.alloc(Math.min(this.limit, Math.max(size + 1, FIRST_CHUNK_BYTES)));
  }

  /** Where the next read goes, or `undefined` once cap + 1 bytes are in. */
  nextSlot(): { buffer: Buffer; offset: number; length: number } | undefined {
    if (this.total === this.buffer.length) {
      if (this.buffer.length >= this.limit) return undefined;
      const bigger = Buffer.alloc(Math.min(this.limit, this.buffer.length * 2));
      this.buffer.copy(bigger, 0, 0, this.total);
      this.buffer = bigger;
    }
    return { buffer: this.buffer, offset: this.total, length: this.buffer.length - this.total };
  }

  /** Records a read of `bytes`; returns false at the end of the file. */
  advance(bytes: number): boolean {
    this.total += bytes;
    return bytes > 0;
  }

  contents(): Buffer {
    if (this.total > this.maxBytes) throw new BoundedReadError(this.file, 'too-large', this.maxBytes);
    return this.buffer.subarray(0, this.total);
  }
}

function readUpTo(file: string, maxBytes: number, size: number, read: ReadInto): Buffer {
  const capped = new CappedBuffer(file, maxBytes, size);
  for (let slot = capped.nextSlot(); slot; slot = capped.nextSlot()) {
    if (!capped.advance(read(slot.buffer, slot.offset, slot.length))) break;
  }
  return capped.contents();
}

async function readUpToAsync(file: string, maxBytes: number, size: number, read: ReadIntoAsync): Promise<Buffer> {
  const capped = new CappedBuffer(file, maxBytes, size);
  for (let slot = capped.nextSlot(); slot; slot = capped.nextSlot()) {
    if (!capped.advance(await read(slot.buffer, slot.offset, slot.length))) break;
  }
  return capped.contents();
}

function openFailure(file: string, maxBytes: number, error: unknown): BoundedReadError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new BoundedReadError(file, 'missing', maxBytes, { cause: error });
  // A socket (ENXIO) or a device that cannot be opened for reading is not a file either.
  if (code === 'ENXIO' || code === 'ENODEV' || code === 'EISDIR') return new BoundedReadError(file, 'not-a-file', maxBytes, { cause: error });
  return new BoundedReadError(file, 'unreadable', maxBytes, { cause: error });
}

function readFailure(file: string, maxBytes: number, error: unknown): BoundedReadError {
  if (error instanceof BoundedReadError) return error;
  return new BoundedReadError(file, 'unreadable', maxBytes, { cause: error });
}
