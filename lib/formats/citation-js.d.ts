/**
 * The slice of citation.js 0.8 that lib/formats uses (the packages ship no types). `plugins.input.data` runs one
 * parsing step of a named input type (`@ris/file` → raw records, `@ris/record` → a CSL item); `Cite` is used by
 * tests to render a bibliography from exported data.
 */
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      data(input: unknown, type: string): unknown;
      chain(input: unknown, options?: { forceType?: string; generateGraph?: boolean; strict?: boolean }): Record<string, unknown>[];
    };
    output: {
      format(name: string, data: unknown[], options?: Record<string, unknown>): unknown;
    };
  };
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
