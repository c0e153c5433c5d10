import type { CommandName } from '../../../shared/api/contract';
import type { HandlerTable } from '../handler';
import { disclosureHandlers } from './disclosure';
import { draftHandlers } from './drafts';
import { erasureHandlers } from './erasure';
import { followUpHandlers } from './followUps';
import { groupHandlers } from './groups';
import { guidelineListHandlers } from './guidelineList';
import { growthHandlers } from './growth';
import { handoverHandlers } from './handover';
import { backupHandlers } from './backups';
import { noteHandlers } from './notes';
import { quickUnlockHandlers } from './quickUnlock';
import { reportHandlers } from './reports';
import { searchHandlers } from './search';
import { serviceHandlers } from './services';
import { settingsHandlers } from './settings';
import { studentHandlers } from './students';
import { systemHandlers } from './system';
import { vaultHandlers } from './vault';

/** Every command's handler; the type makes a missing command a compile error. */
export const HANDLERS: HandlerTable<CommandName> = {
  ...vaultHandlers,
  ...quickUnlockHandlers,
  ...backupHandlers,
  ...studentHandlers,
  ...serviceHandlers,
  ...groupHandlers,
  ...guidelineListHandlers,
  ...followUpHandlers,
  ...noteHandlers,
  ...erasureHandlers,
  ...searchHandlers,
  ...draftHandlers,
  ...settingsHandlers,
  ...reportHandlers,
  ...growthHandlers,
  ...systemHandlers,
  ...handoverHandlers,
  ...disclosureHandlers,
};
