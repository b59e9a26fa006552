import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { detectFileType, safeFileName } from '../domain/file-type.ts';
import type { AttachmentStorage, UploadLimits } from './attachment-storage.ts';
import { DomainError } from './domain-error.ts';

/** What the API hands over for each uploaded file (a web File). */
export interface UploadedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface CheckedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Checks every file before anything is written: one bad file refuses them all. */
export async function checkFiles(files: readonly UploadedFile[], limits: UploadLimits): Promise<CheckedFile[]> {
  if (files.length > limits.maxFiles)
    throw new DomainError('TOO_MANY_FILES', 'files', `at most ${limits.maxFiles} files`);
  let total = 0;
  const checked: CheckedFile[] = [];
  for (const file of files) {
    if (file.size > limits.maxFileBytes)
      throw new DomainError('FILE_TOO_LARGE', 'files', `${file.name}: over ${limits.maxFileBytes} bytes`);
    total += file.size;
    if (total > limits.maxRequestBytes)
      throw new DomainError('UPLOAD_TOO_LARGE', 'files', `over ${limits.maxRequestBytes} bytes together`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.byteLength > limits.maxFileBytes) throw new DomainError('FILE_TOO_LARGE', 'files');
    const type = detectFileType(bytes, file.name);
    if (!type) throw new DomainError('UNSUPPORTED_FILE_TYPE', 'files', `${file.name}: not an accepted type`);
    checked.push({
      fileName: safeFileName(file.name),
      contentType: type.mime,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return checked;
}

/** The rows of checked files (their ticket is set by the caller or by a nested create). */
export function attachmentRows(
  files: CheckedFile[],
  target: { internal: boolean; now: Date; messageId?: string | null },
) {
  return files.map((file) => ({
    messageId: target.messageId ?? null,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.bytes.byteLength,
    sha256: file.sha256,
    storageKey: file.sha256,
    internal: target.internal,
    createdAt: target.now,
  }));
}

/**
 * Puts the bytes into the storage, keyed by content, before the rows are written. The
 * returned function undoes it for bytes no row uses, for when the rows could not be written:
 * a failed upload leaves nothing behind.
 */
export async function putFiles(db: Db, storage: AttachmentStorage, files: CheckedFile[]): Promise<() => Promise<void>> {
  const written: string[] = [];
  const undo = async () => {
    for (const key of written) {
      if ((await db.attachment.count({ where: { storageKey: key } })) === 0) await storage.delete(key).catch(() => {});
    }
  };
  try {
    for (const file of files) {
      await storage.put(file.sha256, file.bytes);
      written.push(file.sha256);
    }
  } catch (error) {
    await undo();
    throw error;
  }
  return undo;
}

/** Adds files to a ticket: bytes first, then the rows; undone together on failure. */
export async function attachToTicket(
  db: Db,
  storage: AttachmentStorage,
  files: CheckedFile[],
  target: { ticketId: string; internal: boolean; now: Date },
): Promise<void> {
  if (files.length === 0) return;
  const undo = await putFiles(db, storage, files);
  try {
    await db.attachment.createMany({
      data: attachmentRows(files, target).map((row) => ({ ...row, ticketId: target.ticketId })),
    });
  } catch (error) {
    await undo();
    throw error;
  }
}
