// `storyline time TEXT`: the temporal expressions of a text, resolved against a date, as a table or JSON lines.
import { Command } from 'commander';
import { analyzeTimes } from '../analyze/time/index.js';
import { timeLexicon } from '../analyze/time/lexicon.js';
import { UsageError, printJsonLine, table } from './common.js';

export function timeCommand(): Command {
  return new Command('time')
    .description('find and resolve the temporal expressions of a text (en, it, de, fr, es)')
    .argument('<text...>', 'the text')
    .option('--lang <code>', 'language of the text', 'en')
    .option('--date <YYYY-MM-DD>', 'publication date to resolve against (absent: inferred from the text where it can be)')
    .option('--json', 'one JSON line per expression, then the inferred publication range if any')
    .action((text: string[], o: { lang: string; date?: string; json?: boolean }) => {
      if (!timeLexicon(o.lang)) throw new UsageError(`no time rules for language "${o.lang}": choose en, it, de, fr or es`);
      if (o.date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(o.date)) throw new UsageError(`--date "${o.date}": write YYYY, YYYY-MM or YYYY-MM-DD`);
      const result = analyzeTimes(text.join(' '), o.lang, o.date ?? null);
      if (o.json) {
        result.expressions.forEach((t) => printJsonLine(t));
        if (result.publishedInferred) printJsonLine({ publishedInferred: result.publishedInferred });
        return;
      }
      const rows = result.expressions.map((t) => [t.text, t.type, t.value + (t.mod ? ` ${t.mod}` : ''), t.interval ? `${t.interval[0] ?? '…'} – ${t.interval[1] ?? '…'}` : '', t.mode, t.anchor ?? 'none']);
      process.stdout.write(`${table([['expression', 'type', 'value', 'interval', 'mode', 'anchor'], ...rows])}\n`);
      const p = result.publishedInferred;
      if (p) process.stdout.write(`publication date inferred: ${p.start} – ${p.end} (confidence ${p.confidence}; ${p.basis.join(', ')})\n`);
    });
}
