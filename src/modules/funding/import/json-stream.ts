// Reads a 360Giving JSON package a chunk at a time: each grant in the top-level "grants" list
// is cut out and parsed on its own, so a file of 100,000 grants never becomes one object tree.
// The other top-level fields (the package metadata) are parsed whole; they are small.
// Structural characters are ASCII, so scanning UTF-8 bytes is safe; strings and escapes are
// tracked so a bracket inside text is never mistaken for structure. No recursion: nesting
// depth is a counter, so a hostile file of a million "[" cannot overflow the stack here.

export class JsonPackageError extends Error {
  override name = 'JsonPackageError';
}

export type JsonItem = { type: 'grant'; index: number; text: string } | { type: 'meta'; key: string; value: unknown };

/** A grant bigger than this is refused rather than parsed (real grants are a few kB). */
export const MAX_GRANT_BYTES = 1_000_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new JsonPackageError(
      'This file is not saved as UTF-8 text. Save it again as UTF-8 (the standard asks for it) and import it again.',
    );
  }
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * Yields the package's grants (as text, to parse one at a time) and its other top-level fields.
 * Throws JsonPackageError when the file is not a JSON object or is cut short.
 */
export async function* scanJsonPackage(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<JsonItem> {
  // States at the top level of the object.
  type Top = 'start' | 'key' | 'colon' | 'value' | 'after';
  let top: Top = 'start';
  let depth = 0; // 0 outside the package object, 1 inside it
  let inString = false;
  let escaped = false;
  let key = '';
  let keyParts: Uint8Array[] = [];
  let valueParts: Uint8Array[] = [];
  let valueStart = -1; // where the current piece started in this chunk, or -1
  let valueBytes = 0;
  let inGrants = false; // inside the "grants" array
  let grantsDepth = 0;
  let grantIndex = 0;
  let capturing = false; // capturing a grant or a metadata value
  let sawGrantsArray = false;
  let first = true;
  let ended = false;

  for await (const chunkIn of chunks) {
    let chunk = chunkIn;
    if (first) {
      first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      else if (
        chunk.length >= 2 &&
        ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
      ) {
        throw new JsonPackageError(
          'This file is saved as UTF-16. Save it again as UTF-8 (the standard asks for it) and import it again.',
        );
      }
    }
    valueStart = capturing ? 0 : -1;
    const keyStartInit = top === 'key' && inString ? 0 : -1;
    let keyStart = keyStartInit;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (ended) {
        if (!isSpace(b))
          throw new JsonPackageError(
            'There is more after the end of the package: a 360Giving JSON file is one object.',
          );
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) {
          inString = false;
          if (top === 'key' && depth === 1 && !capturing) {
            keyParts.push(chunk.subarray(keyStart, i));
            const raw = decode(concat(keyParts));
            try {
              key = JSON.parse(`"${raw}"`) as string;
            } catch {
              throw new JsonPackageError('This is not valid JSON: a field name cannot be read.');
            }
            keyParts = [];
            keyStart = -1;
            top = 'colon';
          }
        }
        continue;
      }
      if (depth === 0) {
        if (isSpace(b)) continue;
        if (b !== OPEN_BRACE)
          throw new JsonPackageError(
            'A 360Giving JSON file is one object with a "grants" list; this file is something else.',
          );
        depth = 1;
        top = 'key';
        continue;
      }
      if (!capturing) {
        // At the top level of the package object, or between grants.
        if (isSpace(b)) continue;
        if (inGrants) {
          if (b === COMMA) continue;
          if (b === CLOSE_BRACKET) {
            inGrants = false;
            top = 'after';
            continue;
          }
          capturing = true;
          valueStart = i;
          valueBytes = 0;
          grantsDepth = 0;
          i--; // read this byte again as the first of the grant
          continue;
        }
        if (top === 'key') {
          if (b === CLOSE_BRACE) {
            depth = 0;
            ended = true;
            continue;
          }
          if (b !== QUOTE)
            throw new JsonPackageError('This is not valid JSON: a field name should be in double quotes.');
          inString = true;
          keyStart = i + 1;
          continue;
        }
        if (top === 'colon') {
          if (b !== COLON)
            throw new JsonPackageError(`This is not valid JSON: expected ":" after "${key.slice(0, 40)}".`);
          top = 'value';
          continue;
        }
        if (top === 'value') {
          if (key === 'grants' && b === OPEN_BRACKET) {
            if (sawGrantsArray) throw new JsonPackageError('The file has two "grants" lists.');
            sawGrantsArray = true;
            inGrants = true;
            continue;
          }
          capturing = true;
          valueStart = i;
          valueBytes = 0;
          grantsDepth = 0;
          i--;
          continue;
        }
        if (top === 'after') {
          if (b === COMMA) top = 'key';
          else if (b === CLOSE_BRACE) {
            depth = 0;
            ended = true;
          } else throw new JsonPackageError('This is not valid JSON: expected "," or "}" between the package fields.');
          continue;
        }
        continue;
      }
      // Capturing one value (a grant, or a metadata field): find where it ends.
      if (b === QUOTE) {
        inString = true;
        continue;
      }
      if (b === OPEN_BRACE || b === OPEN_BRACKET) grantsDepth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (grantsDepth === 0) {
          // The end of a scalar value, and the end of the enclosing list or object.
          yield* finish(chunk.subarray(valueStart, i));
          i--;
          continue;
        }
        grantsDepth--;
        if (grantsDepth === 0) {
          yield* finish(chunk.subarray(valueStart, i + 1));
          continue;
        }
      } else if (b === COMMA && grantsDepth === 0) {
        yield* finish(chunk.subarray(valueStart, i));
        i--;
        continue;
      }
    }
    if (capturing) {
      const piece = chunk.subarray(valueStart);
      valueParts.push(piece);
      valueBytes += piece.length;
      if (inGrants && valueBytes > MAX_GRANT_BYTES) {
        throw new JsonPackageError(
          `Grant ${grantIndex + 1} is over ${MAX_GRANT_BYTES / 1_000_000} MB, far bigger than any real grant; the file looks damaged.`,
        );
      }
      if (!inGrants && valueBytes > 5 * MAX_GRANT_BYTES)
        throw new JsonPackageError(`The "${key.slice(0, 40)}" field is too big for package details.`);
    }
    if (top === 'key' && inString && keyStart >= 0) keyParts.push(chunk.subarray(keyStart));
  }
  if (!ended)
    throw new JsonPackageError(
      'The file stops before the end of the package: it may have been cut short while saving or uploading.',
    );
  if (!sawGrantsArray) throw new JsonPackageError('This file has no "grants" list, so it is not a 360Giving package.');

  function* finish(last: Uint8Array): Generator<JsonItem> {
    valueParts.push(last);
    const text = decode(concat(valueParts)).trim();
    valueParts = [];
    capturing = false;
    valueStart = -1;
    if (inGrants) {
      yield { type: 'grant', index: grantIndex++, text };
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new JsonPackageError(`This is not valid JSON: the "${key.slice(0, 40)}" field cannot be read.`);
    }
    if (key === 'grants') throw new JsonPackageError('"grants" should be a list of grants.');
    yield { type: 'meta', key, value };
    top = 'after';
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
