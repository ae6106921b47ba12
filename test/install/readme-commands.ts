// The README's "Install in your own project" section as steps `npm run test:install` runs exactly as written: its
// `sh` blocks (a command per line, `\` continuing one) and the `eslint.config.mjs` the section says to save. The one
// liberty: the tarball folder `/tmp/loopguard` becomes a scratch folder, so that runs never share it.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../support/paths';

export const README_TARBALL_FOLDER = '/tmp/loopguard';

export interface ReadmeStep {
  /** Where the command runs: the Loopguard checkout or the user's project. */
  where: 'checkout' | 'project';
  /** A shell command as the README writes it, or `save-config` where it says to save the config. */
  command: string;
}

export interface ReadmeInstall {
  /** The first block: packing in the checkout, then installing and linting in the project. */
  install: ReadmeStep[];
  /** The second block: the CLI through `npx` in a project on TypeScript 7. */
  typescript7: ReadmeStep[];
  /** The `eslint.config.mjs` the section links to (the README's block that starts with `// eslint.config.mjs`). */
  config: string;
}

export function readmeInstall(): ReadmeInstall {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Install in your own project\n');
  if (start < 0) throw new Error('README: no "Install in your own project" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
  if (blocks.length !== 2)
    throw new Error(`README: expected 2 sh blocks in the install section, found ${blocks.length}`);
  const config = [...readme.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .find((block) => block.startsWith('// eslint.config.mjs\n'));
  if (config === undefined) throw new Error('README: no eslint.config.mjs block');
  return { install: steps(blocks[0]!), typescript7: steps(blocks[1]!), config };
}

/** A block's commands: `# in a checkout …`/`# in your project …` comments say where, `# then save …` saves the config. */
function steps(block: string): ReadmeStep[] {
  const result: ReadmeStep[] = [];
  let where: ReadmeStep['where'] = 'project';
  for (const line of block.replace(/\\\n\s*/g, '').split('\n')) {
    const text = line.trim();
    if (text === '') continue;
    if (text.startsWith('#')) {
      if (/^# in a checkout/.test(text)) where = 'checkout';
      else if (/^# in your project/.test(text)) where = 'project';
      if (/save the eslint\.config\.mjs/.test(text))
        result.push({ where: 'project', command: 'save-config' });
      continue;
    }
    result.push({ where, command: text });
  }
  return result;
}

/** Loopguard findings (`line rule`) in ESLint's stylish output for files ending in `fileSuffix`; a parse error throws. */
export function stylishFindings(output: string, fileSuffix: string, label: string): string[] {
  const findings: string[] = [];
  let file = '';
  for (const line of output.split('\n')) {
    if (/^\S/.test(line)) {
      file = line.trim();
      continue;
    }
    const match = /^\s+(\d+):\d+\s+(?:error|warning)\s+(.*)$/.exec(line);
    if (!match) continue;
    if (/Parsing error/.test(match[2]!)) throw new Error(`${label}: ${file}: ${match[2]}`);
    const rule = /\s(loopguard\/[a-z-]+)$/.exec(match[2]!)?.[1];
    if (rule !== undefined && file.endsWith(fileSuffix)) findings.push(`${match[1]} ${rule}`);
  }
  return findings.sort();
}
