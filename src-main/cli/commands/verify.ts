import path from 'node:path';
import { finishInterruptedExports } from '../../report/exportSwap';
import { defaultCompanionFiles, isSchoolYearDocument, verifyReportFiles } from '../../report/verify';
import type { CliCommand } from '../command';
import { EXIT } from '../exitCodes';
import { writeLine } from '../io';
import { REPORT_SCHEMA_ID } from '../../../shared/report/document';
import { minThresholdOption, optionalString } from '../parse';

export const verifyCommand: CliCommand = {
  words: ['verify'],
  summary: 'Check a service report: signature, schema and key fingerprint',
  usage: 'verify REPORT.json [--sig FILE] [--key PEM] [--fingerprint HEX] [--min-threshold K]',
  help: [
    'Checks that the signature is a valid Ed25519 signature over exactly the bytes of REPORT.json,',
    `that the report matches the schema ${REPORT_SCHEMA_ID} in RFC 8785 canonical form and hides its counts as its rule says,`,
    'that its k is at least --min-threshold (default 10) and it shows no count of students from 1 to that minimum less one,',
    'and that the public key is the one the report names (and, with --fingerprint, the one you expect).',
    'Defaults: --sig REPORT.json.sig and --key worker-signing-key.pem beside the report.',
    'Without --fingerprint or a --key file of your own, the key is only the one beside the report:',
    '"valid" then means only "not altered since signed with that key", and verify says so on a line',
    'of its own, every time. Pin the key with the fingerprint the worker registered with you.',
    'Needs no vault. Prints one line saying what was checked or what failed.',
    'Exit code 0 when the report is valid, 5 when it is not.',
  ].join('\n'),
  options: { sig: { type: 'string' }, key: { type: 'string' }, fingerprint: { type: 'string' }, 'min-threshold': { type: 'string' } },
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
      minThreshold: minThresholdOption(values['min-threshold']),
    });
    const name = path.basename(report);
    if (result.valid && result.document) {
      const document = result.document;
      const correction = isSchoolYearDocument(document) ? ' (school year)' : document.correction === undefined ? '' : ` (correction ${document.correction})`;
      const signedBy = `${name} — ${document.period}${correction}, k = ${document.threshold}, signed by key ${result.keyFingerprint ?? ''}`;
      if (result.keyPinned) {
        writeLine(io.stdout, `valid: ${signedBy}`);
        return EXIT.ok;
      }
      writeLine(io.stdout, `valid only for the key beside the report (key not checked): ${signedBy}`);
      writeLine(io.stdout, unpinnedKeyNotice(path.basename(optionalString(values.key) ?? defaultCompanionFiles(report).publicKey)));
      return EXIT.ok;
    }
    writeLine(io.stderr, `NOT VALID: ${name} — ${result.failures.map((failure) => `${failure.check}: ${failure.message}`).join('; ')}`);
    return EXIT.reportInvalid;
  },
};

/** Said on every run whose key was not pinned: a re-signed report with a fresh key beside it is also "valid". */
function unpinnedKeyNotice(keyFile: string): string {
  return (
    `Key not checked: ${keyFile} was taken from beside the report and NOT checked against the worker's registered fingerprint, ` +
    'so "valid" means only that the report was not altered since it was signed with that key (anyone can re-sign a changed report with a key of their own). ' +
    'Pin the key: --fingerprint HEX (the fingerprint the worker registered with you) or --key PEM (the worker\'s key file you registered).'
  );
}
