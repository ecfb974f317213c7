#!/usr/bin/env node
// Entry point of the `mokuhyo` CLI: loads the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../worker/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
