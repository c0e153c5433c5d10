import path from 'node:path';

/**
 * Where things live. `appPath` is `app.getAppPath()`: the project folder when
 * run with `electron .`, the root of app.asar when packaged. Both hold the
 * same `dist/` layout produced by `npm run build`.
 */
export function rendererRoot(appPath: string): string {
  return path.join(appPath, 'dist', 'renderer');
}

export function preloadPath(appPath: string): string {
  return path.join(appPath, 'dist', 'preload', 'preload.cjs');
}

/** The vault folder: `<userData>/vault`, or `SOLE_NOTES_VAULT_DIR` when set. */
export function vaultFolder(userDataPath: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.SOLE_NOTES_VAULT_DIR?.trim();
  return override ? path.resolve(override) : path.join(userDataPath, 'vault');
}
