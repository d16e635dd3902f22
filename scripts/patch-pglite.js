// Run by scripts/build.js at install: PGlite's protocol reader decodes each text field of a result
// from a fresh copy of its bytes (`buffer.slice`), one ArrayBuffer allocation per field. On the
// digests of 1,000 campaigns that copying was over a third of the embedded database's time
// (0.5.17 reads the same way). This makes `string()` decode straight from a view of the
// message instead; `bytes()`, whose results callers keep, still copies. Only speed depends on it: a
// PGlite whose reader no longer matches is left as it is, with a warning.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MARKER = '/*campaign-desk: string from a view*/';

// bytes(t){let n=G(this,VIEW).buffer.slice(G(this,OFF),G(this,OFF)+t);return S(this,OFF,G(this,OFF)+t),new Uint8Array(n)}
const BYTES =
  /bytes\((\w)\)\{let (\w)=([\w$]+)\(this,([\w$]+)\)\.buffer\.slice\(\3\(this,([\w$]+)\),\3\(this,\5\)\+\1\);return ([\w$]+)\(this,\5,\3\(this,\5\)\+\1\),new Uint8Array\(\2\)\}/;
// string(t){return G(this,DECODER).decode(this.bytes(t))}
const STRING = /string\((\w)\)\{return ([\w$]+)\(this,([\w$]+)\)\.decode\(this\.bytes\(\1\)\)\}/;

/** Patches every PGlite bundle under `dist` that holds the reader; returns the files changed and those whose reader did not match. */
export function patchPGlite(dist) {
  const changed = [];
  const unmatched = [];
  for (const name of readdirSync(dist, { recursive: true })) {
    if (!/\.(c|m)?js$/.test(name)) continue;
    const file = join(dist, name);
    const source = readFileSync(file, 'utf8');
    if (!source.includes('.decode(this.bytes(') || source.includes(MARKER)) continue;
    const bytes = source.match(BYTES);
    const string = source.match(STRING);
    if (!bytes || !string || string[2] !== bytes[3]) {
      unmatched.push(file);
      continue;
    }
    const [, , , get, view, offset, set] = bytes;
    const [whole, t, , decoder] = string;
    const patched = `string(${t}){${MARKER}let $view=${get}(this,${view}),$at=${get}(this,${offset});return ${set}(this,${offset},$at+${t}),${get}(this,${decoder}).decode(new Uint8Array($view.buffer,$view.byteOffset+$at,${t}))}`;
    writeFileSync(file, source.replace(whole, patched));
    changed.push(file);
  }
  return { changed, unmatched };
}
