#!/usr/bin/env node
// The published bin runs the compiled CLI; in a source checkout `npm run server` runs it through tsx.
import '../dist/server/node/cli.js';
