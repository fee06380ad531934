import type { Plugin } from 'esbuild';

/** Applies the fix to rrweb's code; throws if rrweb changed there. */
export declare function fixRrweb(code: string): string;
/** The esbuild plugin: rrweb's record module, fixed. */
export declare const rrwebPatch: Plugin;
