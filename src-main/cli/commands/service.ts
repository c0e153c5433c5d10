import { ServiceFields } from '../../../shared/api/schemas';
import { EARLIEST_SERVICE_DATE, SERVICE_DAYS_AHEAD } from '../../../shared/domain/serviceDates';
import { SERVICE_KIND_IDS } from '../../../shared/domain/serviceKinds';
import { VaultError } from '../../vault/errors';
import type { VaultData } from '../../vault/vaultData';
import type { CliCommand } from '../command';
import { writeLine } from '../io';
import { integerOption, optionalString, parseWith, stringList } from '../parse';
import { withUnlockedVault } from '../vaultAccess';

/** Categories may be named by id (`grief_loss`) or label (`Grief / loss`), in any case. */
function categoryIds(data: VaultData, names: string[]): string[] {
  const categories = data.categories.list();
  return names.map((name) => {
    const wanted = name.trim().toLowerCase();
    const found = categories.find((category) => category.id === wanted || category.label.toLowerCase() === wanted);
    if (!found) throw new VaultError('NOT_FOUND', `No issue category named ${name}.`);
    return found.id;
  });
}

function studentIds(data: VaultData, codes: string[]): string[] {
  return codes.map((code) => {
    const student = data.students.getByCode(code);
    if (!student) throw new VaultError('NOT_FOUND', `No student with code ${code}.`);
    return student.id;
  });
}

export const serviceAddCommand: CliCommand = {
  words: ['service', 'add'],
  summary: 'Log a service',
  usage:
    'service add --vault DIR --date YYYY-MM-DD --minutes N --kind KIND [--team TYPE] [--audience within_district|outside_district] [--student CODE]... [--issue CATEGORY]...',
  help: [
    'Logs a service and prints its id. Repeat --student and --issue as needed.',
    `KIND is one of: ${SERVICE_KIND_IDS.join(', ')}.`,
    'A team_meeting needs --team: iep, 504, sst_mtss, crisis, attendance or other.',
    'A pd_provided (a training you gave) may say --audience: within_district (the default) or outside_district.',
    `--date is the day it was given: at most ${SERVICE_DAYS_AHEAD} day after today in your time zone (a planned service), not before ${EARLIEST_SERVICE_DATE}.`,
  ].join('\n'),
  options: {
    vault: { type: 'string' },
    date: { type: 'string' },
    minutes: { type: 'string' },
    kind: { type: 'string' },
    team: { type: 'string' },
    audience: { type: 'string' },
    student: { type: 'string', multiple: true },
    issue: { type: 'string', multiple: true },
  },
  async run(context) {
    const { values, io } = context;
    const minutes = integerOption('minutes', values.minutes);
    const base = { date: optionalString(values.date), minutes, kind: optionalString(values.kind), teamType: optionalString(values.team) ?? null, pdAudience: optionalString(values.audience) };
    parseWith(ServiceFields, base); // refuse bad dates, minutes and kinds before asking for the passphrase
    const service = await withUnlockedVault(context, (data) => {
      const fields = parseWith(ServiceFields, {
        ...base,
        studentIds: studentIds(data, stringList(values.student)),
        issueCategoryIds: categoryIds(data, stringList(values.issue)),
      });
      return data.services.create(fields);
    });
    writeLine(io.stdout, service.id);
  },
};
