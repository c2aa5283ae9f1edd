#!/usr/bin/env node
// The headless Dockyard engine. Node >= 22.18 runs the TypeScript sources directly
// (type stripping); inside the project, npm's bin path puts the bundled Node 24 first.
import { main } from '../src/node/main.ts';

process.exitCode = await main(process.argv.slice(2));
