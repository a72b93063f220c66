import type { IncomingMessage, ServerResponse } from 'node:http';

/** Deeper JSON than any route accepts; deeper bodies are refused before they are parsed. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How deep the arrays and objects of a JSON text nest (brackets inside strings do not count); stops past `max`. */
export function jsonDepth(text: Buffer, max = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      deepest = Math.max(deepest, ++depth);
      if (deepest > max) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** A body refused while it was read; its message is said to the caller as it is. */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly type: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/**
 * Options for the JSON body parser: a body nested deeper than MAX_JSON_DEPTH is refused before
 * JSON.parse (deep nesting overflowed the stack in validation), and a string with an unpaired
 * UTF-16 surrogate is refused naming its field (it broke e-mail handling further in).
 */
export const jsonBodyOptions = {
  limit: '1mb',
  verify(_req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
    if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      throw new BodyError(`body nests deeper than ${MAX_JSON_DEPTH} levels`, 'entity.too.deep');
    }
  },
  reviver(key: string, value: unknown): unknown {
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      throw new BodyError(`${key || 'body'} contains an unpaired UTF-16 surrogate (not valid text)`, 'entity.bad.text');
    }
    return value;
  },
};
