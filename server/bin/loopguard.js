#!/usr/bin/env node
// The `loopguard` command; the compiled CLI lives in dist/ (built by `npm ci` through the root `prepare` script).
'use strict';
require('../dist/cli/main.js').main();
