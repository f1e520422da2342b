/**
 * Line numbers for JSON inputs. JSON.parse does the parsing; this scanner only answers what it cannot: where
 * record `papers[3]` (or CSL item `[3]`) starts, and where a syntax error is and which record it broke. Engines
 * word JSON.parse errors differently and V8 often gives no position ("Unexpected end of JSON input"), so the
 * position comes from here, not from the message. Iterative, so a deeply nested input cannot overflow the stack.
 */
import { LineIndex } from './input';

export interface JsonScan {
  /** Start offset of each record: `[i]` for a top-level array, `key[i]` for arrays under a top-level object. */
  records: Map<string, number>;
  error?: {
    offset: number;
    /** What was wrong, in words: `the file ends`, `unexpected "}"`. */
    reason: string;
    /** The record the error is inside, when it is inside one. */
    record?: string;
  };
}

interface Frame {
  kind: 'array' | 'object';
  index: number;
  key: string | undefined;
  /** Set when this container is itself a record (an element of a record array). */
  record: string | undefined;
}

type State = 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'colon' | 'after';

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

export function scanJson(text: string): JsonScan {
  const records = new Map<string, number>();
  const stack: Frame[] = [];
  let state: State = 'value';
  let i = 0;

  const recordLabelHere = (): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top || top.kind !== 'array') return undefined;
    if (stack.length === 1) return `[${top.index}]`;
    const parent = stack[stack.length - 2]!;
    if (stack.length === 2 && parent.kind === 'object') return `${parent.key}[${top.index}]`;
    return undefined;
  };
  const innermostRecord = (): string | undefined => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.record) return stack[k]!.record;
    return undefined;
  };
  const fail = (reason: string, record = innermostRecord()): JsonScan => ({ records, error: { offset: i, reason, record } });
  /** Moves past a string; false at the end of input, a reason string for a bad escape or a raw control character. */
  const scanString = (): true | false | string => {
    for (let k = i + 1; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x22) {
        i = k + 1;
        return true;
      }
      if (c < 0x20) {
        i = k;
        return 'a line break or control character inside a string (it must be written as \\n or \\u00XX)';
      }
      if (c === 0x5c) {
        const escape = text[k + 1];
        if (escape === undefined) break;
        if (escape === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6)) : !'"\\/bfnrt'.includes(escape)) {
          i = k;
          return `an invalid escape ${JSON.stringify(text.slice(k, k + (escape === 'u' ? 6 : 2)))} inside a string`;
        }
        k += escape === 'u' ? 5 : 1;
      }
    }
    i = text.length;
    return false;
  };

  for (;;) {
    while (i < text.length && /[ \t\n\r]/.test(text[i]!)) i++;
    if (i >= text.length) {
      if (stack.length === 0 && state === 'after') return { records };
      return fail('the file ends before the JSON is complete (it looks truncated)');
    }
    const ch = text[i]!;
    switch (state) {
      case 'valueOrEnd':
      case 'value': {
        if (state === 'valueOrEnd' && ch === ']') {
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        const label = recordLabelHere();
        if (label) records.set(label, i);
        if (ch === '{' || ch === '[') {
          stack.push({ kind: ch === '{' ? 'object' : 'array', index: 0, key: undefined, record: label });
          i++;
          state = ch === '{' ? 'keyOrEnd' : 'valueOrEnd';
        } else if (ch === '"') {
          const scanned = scanString();
          if (scanned !== true) {
            return fail(scanned || 'the file ends inside a string (it looks truncated)', label ?? innermostRecord());
          }
          state = 'after';
        } else {
          LITERAL.lastIndex = i;
          const match = LITERAL.exec(text);
          if (!match) return fail(`unexpected ${JSON.stringify(ch)} where a value should be`, label ?? innermostRecord());
          i += match[0].length;
          state = 'after';
        }
        break;
      }
      case 'keyOrEnd':
      case 'key': {
        if (state === 'keyOrEnd' && ch === '}') {
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (ch !== '"') return fail(`unexpected ${JSON.stringify(ch)} where a quoted property name should be`);
        const start = i;
        const scanned = scanString();
        if (scanned !== true) return fail(scanned || 'the file ends inside a property name (it looks truncated)');
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i)) as string;
        } catch {
          key = text.slice(start + 1, i - 1);
        }
        stack[stack.length - 1]!.key = key;
        state = 'colon';
        break;
      }
      case 'colon':
        if (ch !== ':') return fail(`unexpected ${JSON.stringify(ch)} where ":" should be`);
        i++;
        state = 'value';
        break;
      case 'after': {
        const top = stack[stack.length - 1];
        if (!top) return fail(`unexpected ${JSON.stringify(ch)} after the end of the JSON`);
        if (ch === ',') {
          i++;
          if (top.kind === 'array') {
            top.index++;
            state = 'value';
          } else state = 'key';
        } else if ((ch === ']' && top.kind === 'array') || (ch === '}' && top.kind === 'object')) {
          stack.pop();
          i++;
        } else {
          return fail(`unexpected ${JSON.stringify(ch)} where "," or "${top.kind === 'array' ? ']' : '}'}" should be`);
        }
        break;
      }
    }
  }
}

/** A syntax error as an ImportError-ready description: line of the broken record (or of the error) and words. */
export function describeJsonSyntaxError(
  text: string,
  format: string,
  parseMessage: string,
): { message: string; entry?: string; line?: number } {
  const scan = scanJson(text);
  const lines = new LineIndex(text);
  if (!scan.error) {
    return { message: `${format}: the file is not valid JSON (${parseMessage}). Nothing was imported.` };
  }
  const { offset, reason, record } = scan.error;
  const errorLine = lines.lineAt(offset);
  const column = offset - text.lastIndexOf('\n', offset - 1);
  const recordOffset = record === undefined ? undefined : scan.records.get(record);
  const line = recordOffset === undefined ? errorLine : lines.lineAt(recordOffset);
  const where = record === undefined ? `line ${errorLine}` : `${record} (line ${line})`;
  return {
    message: `${format}: ${where}: not valid JSON: ${reason} at line ${errorLine}, column ${column}. Nothing was imported; repair the file or export it again.`,
    ...(record === undefined ? {} : { entry: record }),
    line,
  };
}

/** The 1-based line where a record starts, for validation errors on valid JSON. */
export function recordLine(text: string, record: string, scan?: JsonScan): number | undefined {
  const offset = (scan ?? scanJson(text)).records.get(record);
  return offset === undefined ? undefined : new LineIndex(text).lineAt(offset);
}
