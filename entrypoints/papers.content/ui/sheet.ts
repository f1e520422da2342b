/**
 * One constructable stylesheet per kind of injected UI, made on first use and adopted by every shadow root of that
 * kind: a thousand badges cost one stylesheet, not a thousand `<style>` elements.
 */
export function sharedSheet(css: string): () => CSSStyleSheet {
  let sheet: CSSStyleSheet | undefined;
  return () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    return sheet;
  };
}
