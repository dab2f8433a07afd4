#!/usr/bin/env node
/** The CLI's entry point: everything happens in run(). */
import { run } from './run.js';

process.exitCode = await run(process.argv);
