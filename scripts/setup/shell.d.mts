export declare const CHROMIUM_NOTICE: string;
export declare function displayProblem(platform?: string, env?: NodeJS.ProcessEnv): string | null;
export declare function chooseShell(options: {
  electron: string | null;
  chromium: { path: string | null; tried: string[] } | null;
  platform?: NodeJS.Platform;
}): { shell: 'electron'; path: string } | { shell: 'chromium'; path: string; notice: string } | { shell: 'none'; message: string };
