export declare const CHROMIUM_ENV: 'SOLE_NOTES_CHROMIUM';
export declare function chromiumCandidates(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string[];
export declare function findChromium(options?: {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}): { path: string | null; tried: string[] };
export declare function chromiumInstallHint(platform?: NodeJS.Platform, linuxId?: string | null): string;
export declare function linuxDistribution(osRelease?: string | null): string | null;
