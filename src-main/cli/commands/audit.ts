import { checkVaultHistory } from '../../vault/erasure/historyCheck';
import type { CliCommand } from '../command';
import { EXIT } from '../exitCodes';
import { writeLine } from '../io';
import { PASSPHRASE_ENV, withUnlockedVault } from '../vaultAccess';

export const auditVerifyCommand: CliCommand = {
  words: ['audit', 'verify'],
  summary: 'Check every note’s version chain and the audit log’s chain',
  usage: 'audit verify --vault DIR',
  help: [
    'Walks the version chain of every note (each version sealed to the one before; an erased version must',
    'be one the audit log recorded erasing, with the same hash; the current text must be the last version)',
    'and the audit log’s own chain. Prints one line when all is intact; otherwise one line per note that',
    'does not check out (note id, student code, version, why) and the first audit entry that does not.',
    `Exit code 0 when intact, 5 when not. ${PASSPHRASE_ENV} is read as by every command.`,
  ].join('\n'),
  options: { vault: { type: 'string' } },
  async run(context) {
    const { io } = context;
    const check = await withUnlockedVault(context, (data) => checkVaultHistory(data));
    if (check.intact) {
      writeLine(io.stdout, `intact: ${check.notesChecked} note${check.notesChecked === 1 ? '' : 's'} and ${check.audit.entries} audit entr${check.audit.entries === 1 ? 'y' : 'ies'} check out.`);
      return EXIT.ok;
    }
    for (const broken of check.brokenNotes) {
      writeLine(io.stderr, `NOT INTACT: note ${broken.noteId} (student ${broken.studentCode ?? '-'}), version ${broken.revision}: ${broken.why}.`);
    }
    if (!check.audit.intact) writeLine(io.stderr, `NOT INTACT: the audit log, from entry ${check.audit.firstBrokenSeq ?? '?'}: an entry was changed or removed.`);
    writeLine(io.stderr, `${check.brokenNotes.length} of ${check.notesChecked} notes do not check out; the audit log is ${check.audit.intact ? 'intact' : 'not intact'}.`);
    return EXIT.historyBroken;
  },
};
