// Writing a fixed file without ever leaving it half written, and without overwriting edits made on disk while it
// was being linted: the new text goes to a temporary file in the same folder, which is then renamed over it.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { readSourceText } from '../engine/source-text';

export type WriteOutcome = 'written' | 'changed-on-disk';

/** Writes `output` over `filePath` if the file still holds `expectedText` (BOM aside); keeps its BOM and mode. */
export function writeFixedFile(filePath: string, expectedText: string, output: string): WriteOutcome {
  const current = readSourceText(filePath);
  if (current.text !== expectedText) return 'changed-on-disk';
  const { mode } = fs.statSync(filePath);
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.loopguard-tmp`);
  try {
    fs.writeFileSync(temporary, (current.hasBom ? '\uFEFF' : '') + output, { mode });
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return 'written';
}
