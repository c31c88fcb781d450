#!/usr/bin/env node
// The `connectors` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
register('tsx/esm', pathToFileURL('./'));
await import('../src/cli.ts');
