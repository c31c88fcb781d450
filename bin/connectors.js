#!/usr/bin/env node
// The `connectors` command: registers tsx, then runs the TypeScript CLI (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
await main();
