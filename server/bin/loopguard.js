#!/usr/bin/env node
// The `loopguard` command; the compiled CLI lives in dist/ (built by `npm ci` through the root `prepare` script).
// TypeScript is chosen first, before anything loads it: the project's (from the working directory) when it is in
// the supported range, else Loopguard's own, with one line on stderr saying why.
'use strict';
const { chooseTypeScript, useTypeScript } = require('../dist/engine/typescript-choice.js');
const typescript = chooseTypeScript(process.cwd(), { trusted: true });
useTypeScript(typescript);
if (typescript.message !== undefined) process.stderr.write(`${typescript.message}\n`);
require('../dist/cli/main.js').main();
