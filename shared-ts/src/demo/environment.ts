import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SalesforceGateway } from '../crm/salesforce';
import { DataverseGateway } from '../crm/dataverse';
import { DataverseDouble } from '../doubles/dataverseDouble';
import { entraTokenProvider } from '../sync/entraToken';
import { seedDataverse } from './seedDataverse';
import type { CrmGateway } from '../crm/gateway';
import { LinkedInDouble, type AssociationSeed } from '../doubles/linkedinDouble';
import { SalesforceDouble } from '../doubles/salesforceDouble';
import { CompanyFileSource } from '../linkedin/companySource';
import { SyncServicesSource } from '../linkedin/syncServices';
import type { SyncOptions } from '../sync/context';
import { generateDemoData, inboxJsonLines, type DemoData } from './dataset';
import { demoCompaniesJsonLines } from './companiesFile';
import { demoExportCsv } from './exportFile';
import { crmId, type DemoCrm } from './ids';
import { seedSalesforce } from './seedSalesforce';

/**
 * The built-in demo environment: loopback doubles of LinkedIn Sync Services and of each CRM, seeded with the
 * demo world, plus the inbox file; `options(crm)` gives what the engine needs to run one cycle against them.
 */
export interface DemoEnvironment {
  data: DemoData;
  dir: string;
  inboxFile: string;
  salesforce: SalesforceDouble;
  dataverse: DataverseDouble;
  linkedin: Record<DemoCrm, LinkedInDouble>;
  options(crm: DemoCrm, extra?: Partial<SyncOptions>): SyncOptions;
  close(): Promise<void>;
}

/** Profile associations LinkedIn holds for the demo records (ids in that CRM's format). */
function associationSeeds(data: DemoData, crm: DemoCrm): AssociationSeed[] {
  return data.members
    .filter((m) => m.personKey)
    .map((m) => ({
      recordId: crmId(crm, m.personKey as string),
      member: m.urn,
      profile: m.profileUrl,
      ...(m.photoUrl ? { profilePhoto: m.photoUrl } : {}),
    }));
}

export interface DemoEnvironmentOptions {
  dir: string;
  data?: DemoData;
  /** Seconds between export polls etc.: the demo answers at once, so waits are kept short. */
  fastClock?: boolean;
  /** Records per Salesforce query page (the double's default: 2,000): smaller makes a small world's reads large. */
  salesforceQueryPageSize?: number;
}

export async function startDemoEnvironment(o: DemoEnvironmentOptions): Promise<DemoEnvironment> {
  const data = o.data ?? generateDemoData();
  mkdirSync(o.dir, { recursive: true });
  const inboxFile = join(o.dir, 'inbox.jsonl');
  writeFileSync(inboxFile, inboxJsonLines(data.inbox));
  const companiesFile = join(o.dir, 'companies.jsonl');
  writeFileSync(companiesFile, demoCompaniesJsonLines(data));
  const linkedin = {
    salesforce: await LinkedInDouble.start({
      exportFiles: [demoExportCsv(data, 'salesforce')],
      associations: associationSeeds(data, 'salesforce'),
    }),
    dataverse: await LinkedInDouble.start({
      exportFiles: [demoExportCsv(data, 'dataverse')],
      associations: associationSeeds(data, 'dataverse'),
    }),
  };
  const salesforce = await SalesforceDouble.start({ queryPageSize: o.salesforceQueryPageSize });
  seedSalesforce(salesforce, data);
  const dataverse = await DataverseDouble.start();
  seedDataverse(dataverse, data);
  const gateways = new Map<DemoCrm, CrmGateway>();
  const sources = new Map<DemoCrm, SyncServicesSource>();

  const source = (crm: DemoCrm) => {
    const li = linkedin[crm];
    return new SyncServicesSource({
      outbound: { allowLoopback: true },
      apiBaseUrl: li.apiBaseUrl,
      tokenUrl: li.tokenUrl,
      clientId: li.clientId,
      clientSecret: li.clientSecret,
      crmKey: crm === 'salesforce' ? 'SFDC' : 'DYNAMICS',
      crmInstanceValue: crm === 'salesforce' ? salesforce.orgId : dataverse.organizationId,
      partner: crm === 'salesforce' ? 'SFDC' : 'MS',
      associationInstanceId: crm === 'salesforce' ? salesforce.orgId : new URL(dataverse.url).host,
      pollIntervalMs: o.fastClock === false ? undefined : 10,
      backoffBaseMs: o.fastClock === false ? undefined : 5,
      backoffCapMs: o.fastClock === false ? undefined : 50,
    });
  };
  const gateway = (crm: DemoCrm): CrmGateway => {
    if (crm === 'salesforce') {
      return new SalesforceGateway({
        outbound: { allowLoopback: true },
        instanceUrl: salesforce.url,
        clientId: salesforce.clientId,
        clientSecret: salesforce.clientSecret,
        namespace: salesforce.ns,
        bulkPollIntervalMs: 10,
      });
    }
    return new DataverseGateway({
      outbound: { allowLoopback: true },
      url: dataverse.url,
      getToken: entraTokenProvider({
        outbound: { allowLoopback: true },
        tokenUrl: dataverse.tokenUrl,
        clientId: dataverse.clientId,
        clientSecret: dataverse.clientSecret,
        resource: dataverse.url,
      }),
      sleep: async () => undefined,
    });
  };

  return {
    data,
    dir: o.dir,
    inboxFile,
    salesforce,
    dataverse,
    linkedin,
    options(crm, extra = {}) {
      // One gateway and source per CRM, so request counts add up over the environment's life.
      if (!gateways.has(crm)) gateways.set(crm, gateway(crm));
      if (!sources.has(crm)) sources.set(crm, source(crm));
      return {
        crm: gateways.get(crm) as CrmGateway,
        linkedin: sources.get(crm) as SyncServicesSource,
        companies: new CompanyFileSource({ file: companiesFile }),
        inboxFile,
        outDir: join(o.dir, `autosave-${crm}`),
        ...extra,
      };
    },
    async close() {
      await Promise.all([
        salesforce.close(),
        dataverse.close(),
        linkedin.salesforce.close(),
        linkedin.dataverse.close(),
      ]);
    },
  };
}
