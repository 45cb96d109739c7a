import { DV, DATAVERSE_LCID, t, type Locale } from '@navsync/shared-ts';
import { SOLUTION } from '../../solution/names';
import { notAtCompanyColumn, reportPayloads, viewPayloads } from './artifacts';
import { ENABLE_STEPS, EnableStepError, type EnableStep, type ProgressEvent, type StepResult } from './steps';
import { isWebApiError, type WebApi } from './webApi';

/**
 * Turning data validation on: create, idempotently, the not-at-company column, the four views and the six reports,
 * then publish. Each step first looks for what exists (so a second run creates nothing and a failed run resumes
 * where it stopped); a failure names its step and keeps what was made.
 */

export {
  ENABLE_STEPS,
  STEP_LABEL,
  EnableStepError,
  type EnableStep,
  type ProgressEvent,
  type StepResult,
} from './steps';

export interface EnableOptions {
  /** Unique name of the installed NavSync solution. */
  productSolution?: string;
  /** Language of view and report names (the admin's). */
  locale?: Locale;
  onProgress?: (event: ProgressEvent) => void;
}

const CONTACT_ATTRIBUTES = "EntityDefinitions(LogicalName='contact')/Attributes";

/**
 * The unmanaged solution that holds what this flow creates when NavSync is installed managed.
 *
 * `MSCRM.SolutionUniqueName` (SolutionUniqueName on CreateAttribute) adds a new component to an UNMANAGED solution
 * (https://learn.microsoft.com/power-apps/developer/data-platform/optional-parameters, "Associate a solution
 * component with a solution"; https://learn.microsoft.com/power-apps/developer/data-platform/webapi/reference/
 * addsolutioncomponent: "Adds a solution component to an unmanaged solution"). Customers install NavSync managed,
 * so naming it would make every write fail. Without the header the components land only in the Default Solution,
 * where an admin cannot tell them apart; so in a managed install the flow creates (once) this unmanaged companion
 * solution under NavSync's publisher and names it. Where NavSync itself is unmanaged (a development environment)
 * the flow names NavSync.
 */
export const COMPANION_SOLUTION = 'NavSyncDataValidation';

interface SolutionRow {
  solutionid: string;
  ismanaged: boolean;
  _publisherid_value: string;
}

async function findSolution(api: WebApi, uniqueName: string): Promise<SolutionRow | null> {
  const res = await api.request(
    'GET',
    `solutions?$select=solutionid,ismanaged,_publisherid_value&$filter=uniquename eq '${uniqueName}'`,
  );
  return ((res.body as { value?: SolutionRow[] } | null)?.value ?? [])[0] ?? null;
}

async function exists(api: WebApi, path: string, headers: Record<string, string> = {}): Promise<boolean> {
  const res = await api.request('GET', path, undefined, headers);
  const value = (res.body as { value?: unknown[] } | null)?.value;
  return Array.isArray(value) && value.length > 0;
}

function describe(err: unknown): string {
  if (isWebApiError(err)) return `HTTP ${err.status}${err.code ? ` ${err.code}` : ''}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

export async function enableDataValidation(api: WebApi, options: EnableOptions = {}): Promise<StepResult[]> {
  const solutionHeader: Record<string, string> = {};
  const locale = options.locale ?? 'en';
  const done: StepResult[] = [];
  let lcids: number[] = [DATAVERSE_LCID.en];

  const steps: Record<EnableStep, (r: StepResult) => Promise<void>> = {
    async languages(r) {
      const res = await api.request('GET', 'RetrieveProvisionedLanguages()');
      const list = (res.body as { RetrieveProvisionedLanguages?: number[] }).RetrieveProvisionedLanguages ?? [];
      lcids = list.length > 0 ? list : lcids;
      r.existing.push(...lcids.map(String));
    },
    async solution(r) {
      const product = options.productSolution ?? SOLUTION.uniqueName;
      const installed = await findSolution(api, product);
      // Not installed as a solution (web resources loaded by hand): the components go to the Default Solution.
      if (!installed) return;
      if (!installed.ismanaged) {
        solutionHeader['MSCRM.SolutionUniqueName'] = product;
        r.existing.push(product);
        return;
      }
      const companion = await findSolution(api, COMPANION_SOLUTION);
      if (companion && companion.ismanaged) return; // imported managed elsewhere: it cannot take components
      if (!companion) {
        await api.request('POST', 'solutions', {
          uniquename: COMPANION_SOLUTION,
          friendlyname: t('dataverse.companionSolutionName', locale),
          description: t('dataverse.companionSolutionDesc', locale),
          version: '1.0.0.0',
          'publisherid@odata.bind': `/publishers(${installed._publisherid_value})`,
        });
        r.created.push(COMPANION_SOLUTION);
      } else {
        r.existing.push(COMPANION_SOLUTION);
      }
      solutionHeader['MSCRM.SolutionUniqueName'] = COMPANION_SOLUTION;
    },
    async column(r) {
      const name = DV.person.notAtCompany;
      const probe = `${CONTACT_ATTRIBUTES}?$select=LogicalName,MetadataId&$filter=LogicalName eq '${name}'`;
      // Metadata reads can be stale for ~30 s after a write; a resumed run must see what the last one made.
      if (await exists(api, probe, { Consistency: 'Strong' })) {
        r.existing.push(`contact.${name}`);
        return;
      }
      await api.request('POST', CONTACT_ATTRIBUTES, notAtCompanyColumn(lcids), solutionHeader);
      r.created.push(`contact.${name}`);
    },
    async views(r) {
      for (const view of viewPayloads(locale)) {
        const probe = `savedqueries?$select=savedqueryid&$filter=savedqueryid eq ${view.savedqueryid}`;
        if (await exists(api, probe)) {
          r.existing.push(view.name);
          continue;
        }
        await api.request('POST', 'savedqueries', view, solutionHeader);
        r.created.push(view.name);
      }
    },
    async reports(r) {
      for (const report of reportPayloads(locale)) {
        const id = report.record.reportid;
        const bind = `/reports(${id})`;
        let made = false;
        if (!(await exists(api, `reports?$select=reportid&$filter=reportid eq ${id}`))) {
          await api.request('POST', 'reports', report.record, solutionHeader);
          made = true;
        }
        // Companion rows (where the report shows) are checked one by one, so a run that stopped between the
        // report and its companions completes them.
        const byReport = `$filter=_reportid_value eq ${id}`;
        if (
          !(await exists(
            api,
            `reportcategories?$select=reportcategoryid&${byReport} and categorycode eq ${report.categorycode}`,
          ))
        ) {
          await api.request('POST', 'reportcategories', {
            'reportid@odata.bind': bind,
            categorycode: report.categorycode,
          });
          made = true;
        }
        if (
          !(await exists(
            api,
            `reportentities?$select=reportentityid&${byReport} and objecttypecode eq '${report.entity}'`,
          ))
        ) {
          await api.request('POST', 'reportentities', { 'reportid@odata.bind': bind, objecttypecode: report.entity });
          made = true;
        }
        for (const code of report.visibilitycodes) {
          if (
            !(await exists(
              api,
              `reportvisibilities?$select=reportvisibilityid&${byReport} and visibilitycode eq ${code}`,
            ))
          ) {
            await api.request('POST', 'reportvisibilities', { 'reportid@odata.bind': bind, visibilitycode: code });
            made = true;
          }
        }
        (made ? r.created : r.existing).push(report.record.name);
      }
    },
    async publish(r) {
      const entities = ['contact', 'opportunity', 'account'].map((e) => `<entity>${e}</entity>`).join('');
      await api.request('POST', 'PublishXml', {
        ParameterXml: `<importexportxml><entities>${entities}</entities></importexportxml>`,
      });
      r.created.push('contact, opportunity, account');
    },
  };

  for (const step of ENABLE_STEPS) {
    const result: StepResult = { step, created: [], existing: [] };
    options.onProgress?.({ step, state: 'running' });
    try {
      await steps[step](result);
    } catch (err) {
      const detail = describe(err);
      options.onProgress?.({ step, state: 'failed', result, error: detail });
      throw new EnableStepError(step, detail, [...done, result]);
    }
    done.push(result);
    options.onProgress?.({ step, state: 'done', result });
  }
  return done;
}

/** Turning data validation off, when the admin agreed: remove the views and reports (the column stays). */
export async function removeDataValidationArtifacts(api: WebApi): Promise<string[]> {
  const removed: string[] = [];
  const gone = async (path: string, name: string) => {
    try {
      await api.request('DELETE', path);
      removed.push(name);
    } catch (err) {
      if (!(isWebApiError(err) && err.status === 404)) throw err;
    }
  };
  for (const view of viewPayloads()) await gone(`savedqueries(${view.savedqueryid})`, view.name);
  for (const report of reportPayloads()) await gone(`reports(${report.record.reportid})`, report.record.name);
  if (removed.length > 0) {
    await api.request('POST', 'PublishXml', {
      ParameterXml:
        '<importexportxml><entities><entity>contact</entity><entity>opportunity</entity></entities></importexportxml>',
    });
  }
  return removed;
}
