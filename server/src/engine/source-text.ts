// Reading source files the way every part of the engine must agree on: UTF-8, with a byte order mark remembered
// (so a fixed file keeps it) but not part of the text that TypeScript and ESLint see.
import * as fs from 'node:fs';

const BOM = '\uFEFF';

export interface SourceText {
  text: string;
  hasBom: boolean;
}

export function readSourceText(filePath: string): SourceText {
  const raw = fs.readFileSync(filePath, 'utf8');
  return raw.startsWith(BOM) ? { text: raw.slice(1), hasBom: true } : { text: raw, hasBom: false };
}

export function withBom(source: SourceText): string {
  return source.hasBom ? BOM + source.text : source.text;
}
