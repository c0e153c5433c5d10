import { z } from 'zod';

/**
 * What the main side asks of the platform it runs on (the Electron shell, or
 * the end-to-end harness), never the vault: a folder or a file the worker picks.
 *
 * `purpose` says what the folder or file is for, so the dialog can say so;
 * add a purpose here (and its wording in src-main/app/platform.ts) to use a
 * picker for something new.
 */
export const FOLDER_PURPOSES = [
  'report-export',
  /** Where automatic and manual backups go (a USB drive, say). */
  'backup-folder',
  /** A folder holding backups to restore from (a USB drive on a new laptop). */
  'backup-source',
] as const;
export const FolderPurpose = z.enum(FOLDER_PURPOSES);
export type FolderPurpose = z.infer<typeof FolderPurpose>;

export const ChooseFolderInput = z.object({ purpose: FolderPurpose }).strict();

/** The folder's absolute path, or null when the worker cancelled. */
export const ChooseFolderResult = z.object({ folder: z.string().min(1).max(4096).nullable() });
export type ChooseFolderResult = z.infer<typeof ChooseFolderResult>;

/**
 * Files the worker picks: `open-*` choose an existing file, `save-*` name a
 * new one. Each purpose has one file type (its extension, without the dot).
 */
export const FILE_PURPOSES = {
  'open-handover-key': { mode: 'open', extension: 'solekey' },
  'open-handover-package': { mode: 'open', extension: 'solehandover' },
  'open-handback': { mode: 'open', extension: 'solehandback' },
  'save-handover-key': { mode: 'save', extension: 'solekey' },
  'save-handover-package': { mode: 'save', extension: 'solehandover' },
  'save-handback': { mode: 'save', extension: 'solehandback' },
  'save-disclosure': { mode: 'save', extension: 'html' },
  'save-self-evaluation': { mode: 'save', extension: 'html' },
} as const satisfies Record<string, { mode: 'open' | 'save'; extension: string }>;
export type FilePurpose = keyof typeof FILE_PURPOSES;
export const FilePurpose = z.enum(Object.keys(FILE_PURPOSES) as [FilePurpose, ...FilePurpose[]]);

export const ChooseFileInput = z
  .object({
    purpose: FilePurpose,
    /** The name a save dialog proposes (no folder); the purpose's extension is added if missing. */
    suggestedName: z
      .string()
      .trim()
      .min(1)
      .max(200, 'a file name is at most 200 characters')
      // eslint-disable-next-line no-control-regex -- control characters are what is refused
      .refine((name) => !/[/\\\u0000-\u001f\u007f]/.test(name), 'a file name cannot hold slashes or control characters')
      .optional(),
  })
  .strict();

/** The file's absolute path, or null when the worker cancelled. */
export const ChooseFileResult = z.object({ file: z.string().min(1).max(4096).nullable() });
export type ChooseFileResult = z.infer<typeof ChooseFileResult>;

/** The name with the purpose's extension, added when the worker typed a name without it. */
export function withExtension(purpose: FilePurpose, name: string): string {
  const extension = `.${FILE_PURPOSES[purpose].extension}`;
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

/**
 * A file or folder Sole Notes wrote since it was opened (a report, a printable
 * page, the backup folder), to show in the system's file manager or open in the
 * system's app for it. Any other path is refused on the main side.
 */
export const SavedPathInput = z.object({ path: z.string().min(1, 'no file named').max(4096, 'the path is too long') }).strict();
export type SavedPathInput = z.infer<typeof SavedPathInput>;
