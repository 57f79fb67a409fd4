#!/usr/bin/env node
import { reportFailure } from './failure.js';
import { buildProgram } from './program.js';

async function main(): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    process.exitCode = reportFailure(err, process.argv.includes('--debug'));
  }
}

void main();
