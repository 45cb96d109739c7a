import { DV_OPTION_PREFIX, DV_PREFIX } from '@navsync/shared-ts';

/**
 * The solution's names that the web resources also use (kept apart from model.ts, whose component ids are computed
 * at load time, so the browser bundles stay free of the packer's code).
 */

export const SOLUTION = {
  uniqueName: 'NavSync',
  displayName: 'NavSync',
  descriptionKey: 'dataverse.solutionDescription',
  publisher: {
    uniqueName: 'navsync',
    displayName: 'NavSync',
    prefix: DV_PREFIX,
    optionValuePrefix: DV_OPTION_PREFIX,
  },
} as const;

/** Web API entity set name as the platform derives it for a new table (plural of the logical name). */
export function entitySetName(logicalName: string): string {
  return /(s|x|z|ch|sh)$/.test(logicalName) ? `${logicalName}es` : `${logicalName}s`;
}
