/** Defined by wxt.config.ts at build time: the content hash of the bundled corpus asset. */
declare const __CORPUS_VERSION__: string;
