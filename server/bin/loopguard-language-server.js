#!/usr/bin/env node
// The `loopguard-language-server` command; the compiled server lives in dist/ (built by `npm ci` through the root
// `prepare` script).
'use strict';
require('../dist/language-server/main.js').main();
