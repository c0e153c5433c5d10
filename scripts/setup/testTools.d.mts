export declare function isOpenssl3(versionLine: string): boolean;
export declare function missingTools(options?: {
  chromium?: { path: string | null; tried: string[] };
  openssl?: string | null;
  platform?: NodeJS.Platform;
  linuxId?: string | null;
}): { packages: string[]; lines: string[] };
export declare function ensureTestTools(): void;
