import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { writeFileAtomic } from '../../fsutil/atomic-write.js';
import {
  changelogHeading,
  prependChangelog,
  renderChangelogEntry,
  renderVersionCard,
} from '../../report/card.js';
import type { Report } from '../../gate/report-model.js';
import { readReport } from '../../release/promote.js';
import { EXIT, type CliIO } from '../context.js';
import { configLimitOption, configLimitsOf } from '../options.js';
import { requireInputFile } from '../files.js';
import { requireOutputFile } from '../output.js';

const EXAMPLES = `
Examples:
  $ embedding-gate card --report gate.json --output releases/1.1.0/CARD.md --changelog CHANGELOG.md

The card and the entry say only what the report measured. Re-running replaces the entry for
the same version instead of adding another. A blocked report (verdict fail) is refused, so no
CHANGELOG says its consumers are satisfied; --allow-blocked writes it marked BLOCKED.
Exit codes: 0 written, 1 the report is blocked (nothing written), 2 could not run.`;

interface CardOptions {
  report: string;
  output?: string;
  changelog?: string;
  maxConfigKb?: number;
  maxAliases?: number;
  allowBlocked?: boolean;
}

/** `embedding-gate card`: a markdown version card and a CHANGELOG entry from a JSON report. */
export function cardCommand(io: CliIO, setExit: (code: number) => void): Command {
  return new Command('card')
    .description('write a markdown version card (and a CHANGELOG entry) from a JSON gate report')
    .requiredOption('--report <json>', 'JSON report of check (check --format json=FILE)')
    .option('--output <md>', 'write the card to this file (default: standard output)')
    .option('--changelog <file>', 'prepend the entry to this CHANGELOG (created if missing)')
    .addOption(configLimitOption('size'))
    .addOption(configLimitOption('aliases'))
    .option(
      '--allow-blocked',
      'write the card and entry of a blocked report too, marked BLOCKED (default: refuse)',
    )
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: CardOptions) => {
      const reportPath = await requireInputFile(
        io.cwd,
        opts.report,
        '--report',
        'a JSON report (check --format json=FILE)',
      );
      const output = opts.output && (await requireOutputFile(io.cwd, opts.output, '--output'));
      const changelog =
        opts.changelog && (await requireOutputFile(io.cwd, opts.changelog, '--changelog'));
      const { report } = await readReport<Report>(reportPath, configLimitsOf(opts));
      if (report.verdict !== 'pass' && !opts.allowBlocked) {
        io.stderr(
          `${opts.report}: the gate blocked ${report.candidate.name ?? report.candidate.manifest} ${report.candidate.version ?? ''} ` +
            `(${report.counts.error} error(s) at fail-on ${report.failOn}); no card or CHANGELOG entry written. ` +
            `Fix the findings and gate again, or pass --allow-blocked to record it marked BLOCKED\n`,
        );
        setExit(EXIT.blocked);
        return;
      }
      const card = renderVersionCard(report);
      if (output) await writeFileAtomic(output, card);
      else io.stdout(card);
      if (changelog) {
        const file = changelog;
        const existing = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return '';
          throw err;
        });
        await writeFileAtomic(
          file,
          prependChangelog(existing, renderChangelogEntry(report), changelogHeading(report)),
        );
      }
      setExit(EXIT.pass);
    });
}
