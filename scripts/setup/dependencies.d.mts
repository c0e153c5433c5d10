export declare function dependenciesStaleReason(root: string): string | null;
export declare function ensureDependencies(root: string, options?: { what?: string }): void;
