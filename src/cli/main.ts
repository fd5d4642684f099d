#!/usr/bin/env -S node --max-semi-space-size=128
// The `storyline` command: one subcommand per file in this folder.
import { Command, CommanderError } from 'commander';
import { benchCommand } from './bench.js';
import { EXIT, UsageError } from './common.js';
import { demoCommand } from './demo.js';
import { entityCommand } from './entity.js';
import { exportCommand } from './export.js';
import { ingestCommand } from './ingest.js';
import { articleCommand, rejectsCommand, searchCommand, storyCommand } from './read.js';
import { timeCommand } from './time.js';

const program = new Command('storyline')
  .description('Turn a stream of multilingual news articles into clear, cited stories.')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

for (const cmd of [ingestCommand(), demoCommand(), exportCommand(), searchCommand(), storyCommand(), articleCommand(), rejectsCommand(), timeCommand(), benchCommand(), entityCommand()]) {
  program.addCommand(cmd.exitOverride());
}

// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT.ok);
  throw err;
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (err instanceof UsageError) {
    process.stderr.write(`storyline: ${err.message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    const e = err as Error & { code?: string };
    process.stderr.write(`storyline: ${e.code === 'SQLITE_NOTADB' ? 'the --db file is not a Storyline database' : e.message}\n`);
    if (process.env.STORYLINE_DEBUG) process.stderr.write(`${e.stack}\n`);
    process.exitCode = EXIT.failure;
  }
}
