export interface NodePackage {
  name: string;
  version: string;
  /** The executable inside the package, with forward slashes. */
  binary: string;
}
export interface ProjectNodePaths {
  prefix: string;
  packageDir: string;
  executable: string;
}
export declare const NODE_FLOOR: string;
export declare const PROJECT_NODE_VERSION: string;
export declare function isRecentEnough(version: string, floor?: string): boolean;
export declare function nodePackageFor(platform?: string, arch?: string): NodePackage | null;
export declare function projectNodePaths(root: string, nodePackage: NodePackage): ProjectNodePaths;
export declare function npmCommand(env?: NodeJS.ProcessEnv, platform?: string): { command: string; prefixArgs: string[]; shell: boolean };
export declare function runNpm(args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv }): number | null;
export declare function nodePlan(options?: { version?: string; platform?: string; arch?: string }):
  | { action: 'continue' }
  | { action: 'rerun'; nodePackage: NodePackage }
  | { action: 'unsupported' };
export declare function environmentFor(paths: ProjectNodePaths, env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function ensureRecentNode(root: string, script: string, options?: { what?: string; args?: string[] }): void;
