import path from 'node:path';
import { finishInterruptedExports } from '../../report/exportSwap';
import { verifyReportFiles } from '../../report/verify';
import type { CliCommand } from '../command';
import { EXIT } from '../exitCodes';
import { writeLine } from '../io';
import { optionalString } from '../parse';

export const verifyCommand: CliCommand = {
  words: ['verify'],
  summary: 'Check a service report: signature, schema and key fingerprint',
  usage: 'verify REPORT.json [--sig FILE] [--key PEM] [--fingerprint HEX]',
  help: [
    'Checks that the signature is a valid Ed25519 signature over exactly the bytes of REPORT.json,',
    'that the report matches the schema sole-notes/service-report/1 in RFC 8785 canonical form,',
    'and that the public key is the one the report names (and, with --fingerprint, the one you expect).',
    'Defaults: --sig REPORT.json.sig and --key worker-signing-key.pem beside the report.',
    'Needs no vault. Prints one line saying what was checked or what failed.',
    'Exit code 0 when the report is valid, 5 when it is not.',
  ].join('\n'),
  options: { sig: { type: 'string' }, key: { type: 'string' }, fingerprint: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, io }) {
    const resolve = (file: string | undefined) => (file === undefined ? undefined : path.resolve(io.cwd, file));
    const report = resolve(positionals[0]) as string;
    finishInterruptedExports(path.dirname(report)); // an export interrupted mid-swap is rolled back before the folder is read
    const result = verifyReportFiles({
      report,
      signature: resolve(optionalString(values.sig)),
      publicKey: resolve(optionalString(values.key)),
      expectedFingerprint: optionalString(values.fingerprint),
    });
    const name = path.basename(report);
    if (result.valid && result.document) {
      writeLine(io.stdout, `valid: ${name} — ${result.document.period}, signed by key ${result.keyFingerprint ?? ''}`);
      return EXIT.ok;
    }
    writeLine(io.stderr, `NOT VALID: ${name} — ${result.failures.map((failure) => `${failure.check}: ${failure.message}`).join('; ')}`);
    return EXIT.reportInvalid;
  },
};
