// Every UI text area. Each area file is owned by the surface that uses it; add keys there, in all five languages.
import { adminArea } from './admin';
import { badgeArea } from './badge';
import { commonArea } from './common';
import { dataverseArea } from './dataverse';
import { errorsArea } from './errors';
import { profileArea } from './profile';
import { reportsArea } from './reports';
import { syncArea } from './sync';
import { testWriteBackArea } from './testWriteBack';
import { validationArea } from './validation';
import { writebackArea } from './writeback';
import { matchingArea } from './matching';
import { settingsArea } from './settings';
import { salesforceArea } from './salesforce';
import { serveArea } from './serve';
import { engineSetupArea } from './engineSetup';

export const AREAS = [
  commonArea,
  errorsArea,
  profileArea,
  badgeArea,
  adminArea,
  testWriteBackArea,
  validationArea,
  reportsArea,
  writebackArea,
  matchingArea,
  settingsArea,
  salesforceArea,
  dataverseArea,
  syncArea,
  serveArea,
  engineSetupArea,
] as const;
