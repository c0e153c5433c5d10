import { z } from 'zod';

/**
 * What the main side asks of the platform it runs on (the Electron shell, or
 * the end-to-end harness), never the vault: a folder the worker picks.
 *
 * `purpose` says what the folder is for, so the dialog can say so; add a
 * purpose here (and its wording in src-main/app/platform.ts) to use the
 * picker for something new.
 */
export const FOLDER_PURPOSES = ['report-export'] as const;
export const FolderPurpose = z.enum(FOLDER_PURPOSES);
export type FolderPurpose = z.infer<typeof FolderPurpose>;

export const ChooseFolderInput = z.object({ purpose: FolderPurpose }).strict();

/** The folder's absolute path, or null when the worker cancelled. */
export const ChooseFolderResult = z.object({ folder: z.string().min(1).max(4096).nullable() });
export type ChooseFolderResult = z.infer<typeof ChooseFolderResult>;
