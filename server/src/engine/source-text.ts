// Reading source files the way every part of the engine must agree on: UTF-8, with a byte order mark remembered
// (so a fixed file keeps it) but not part of the text that TypeScript and ESLint see, and bytes that are not UTF-8
// noticed (they decode to U+FFFD, so writing the text back would change them).
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';

const BOM = '\uFEFF';

export interface SourceText {
  text: string;
  hasBom: boolean;
  /** False when the file holds bytes that are not UTF-8; `text` then has U+FFFD in their place. */
  validUtf8: boolean;
}

export function readSourceText(filePath: string): SourceText {
  return decodeSourceText(fs.readFileSync(filePath));
}

export function decodeSourceText(bytes: Buffer): SourceText {
  const raw = bytes.toString('utf8');
  const validUtf8 = isUtf8(bytes);
  return raw.startsWith(BOM)
    ? { text: raw.slice(1), hasBom: true, validUtf8 }
    : { text: raw, hasBom: false, validUtf8 };
}

export function withBom(source: SourceText): string {
  return source.hasBom ? BOM + source.text : source.text;
}
