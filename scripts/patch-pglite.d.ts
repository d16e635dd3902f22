export declare const MARKER: string;
export declare function patchPGlite(dist: string): { changed: string[]; unmatched: string[] };
