import type { CrmGateway } from '../crm/gateway';
import { SalesforceGateway } from '../crm/salesforce';
import { DataverseGateway } from '../crm/dataverse';
import type { LinkedInSource } from '../linkedin/source';
import { SyncServicesSource } from '../linkedin/syncServices';
import { CompanyFileSource } from '../linkedin/companySource';
import { FileSource } from '../linkedin/fileSource';
import { entraTokenProvider } from './entraToken';
import { ConfigError, type Credentials, type NavSyncConfig } from './config';
import type { SyncOptions } from './context';
import type { OutboundPolicy } from '../net/outbound';

/** Where the clients may send requests: https to public addresses; loopback only when the config asks (doubles). */
const outboundOf = (cfg: NavSyncConfig): OutboundPolicy => ({ allowLoopback: cfg.allowLoopback === true });

export interface Connection {
  options: Pick<SyncOptions, 'crm' | 'linkedin' | 'inboxFile' | 'outDir'>;
  locale?: string;
}

/** Dataverse: a given token, or an application token from Microsoft Entra ID by client credentials. */
function dataverseToken(cfg: NonNullable<NavSyncConfig['dataverse']>, creds: Credentials, outbound: OutboundPolicy): (force?: boolean) => Promise<string> {
  if (creds.dvAccessToken) return async () => creds.dvAccessToken as string;
  if (!creds.dvClientId || !creds.dvClientSecret || !(cfg.tenantId || cfg.tokenUrl)) {
    throw new ConfigError('Dataverse credentials missing: set NAVSYNC_DV_ACCESS_TOKEN, or NAVSYNC_DV_CLIENT_ID + NAVSYNC_DV_CLIENT_SECRET with dataverse.tenantId');
  }
  return entraTokenProvider({
    tokenUrl: cfg.tokenUrl ?? `https://login.microsoftonline.com/${encodeURIComponent(cfg.tenantId as string)}/oauth2/v2.0/token`,
    clientId: creds.dvClientId,
    clientSecret: creds.dvClientSecret,
    resource: cfg.url,
    outbound,
  });
}

export function crmFromConfig(cfg: NavSyncConfig, creds: Credentials, log?: (line: string) => void): CrmGateway {
  if (cfg.crm === 'salesforce') {
    const sf = cfg.salesforce as NonNullable<NavSyncConfig['salesforce']>;
    if (!creds.sfAccessToken && !(creds.sfClientId && creds.sfClientSecret)) {
      throw new ConfigError('Salesforce credentials missing: set NAVSYNC_SF_ACCESS_TOKEN, or NAVSYNC_SF_CLIENT_ID + NAVSYNC_SF_CLIENT_SECRET');
    }
    return new SalesforceGateway({
      instanceUrl: sf.instanceUrl,
      loginUrl: sf.loginUrl,
      namespace: sf.namespace,
      apiVersion: sf.apiVersion,
      clientId: creds.sfClientId,
      clientSecret: creds.sfClientSecret,
      accessToken: creds.sfAccessToken,
      outbound: outboundOf(cfg),
      log,
    });
  }
  const dv = cfg.dataverse as NonNullable<NavSyncConfig['dataverse']>;
  return new DataverseGateway({ url: dv.url, apiVersion: dv.apiVersion, getToken: dataverseToken(dv, creds, outboundOf(cfg)), outbound: outboundOf(cfg), log });
}

export function linkedinFromConfig(cfg: NavSyncConfig, creds: Credentials, log?: (line: string) => void): LinkedInSource {
  const li = cfg.linkedin;
  if (li.source === 'file') {
    return new FileSource({ exportFiles: li.exportFiles, associationsFile: li.associationsFile, columns: li.columns, delimiter: li.delimiter, encoding: li.encoding });
  }
  if (!creds.linkedinClientId || !creds.linkedinClientSecret) {
    throw new ConfigError('LinkedIn credentials missing: set NAVSYNC_LINKEDIN_CLIENT_ID and NAVSYNC_LINKEDIN_CLIENT_SECRET');
  }
  if (!li.crmInstanceValue) throw new ConfigError('config: linkedin.crmInstanceValue (the org id LinkedIn CRM Sync knows) is required');
  const dynamics = cfg.crm === 'dataverse';
  return new SyncServicesSource({
    apiBaseUrl: li.apiBaseUrl,
    tokenUrl: li.tokenUrl,
    clientId: creds.linkedinClientId,
    clientSecret: creds.linkedinClientSecret,
    crmKey: li.crmKey ?? (dynamics ? 'DYNAMICS' : 'SFDC'),
    crmInstanceValue: li.crmInstanceValue,
    partner: li.partner ?? (dynamics ? 'MS' : 'SFDC'),
    associationInstanceId: li.associationInstanceId ?? (dynamics ? new URL(cfg.dataverse?.url ?? 'http://x').hostname : li.crmInstanceValue),
    columns: li.columns,
    delimiter: li.delimiter,
    ...(li.pollIntervalMs ? { pollIntervalMs: li.pollIntervalMs } : {}),
    outbound: outboundOf(cfg),
    log,
  });
}

/** Build the gateway and the LinkedIn source a command runs against. */
export function connect(cfg: NavSyncConfig, creds: Credentials, log?: (line: string) => void): Connection {
  return {
    options: {
      crm: crmFromConfig(cfg, creds, log),
      linkedin: linkedinFromConfig(cfg, creds, log),
      ...(cfg.companiesFile ? { companies: new CompanyFileSource({ file: cfg.companiesFile }) } : {}),
      inboxFile: cfg.inboxFile,
      outDir: cfg.outDir,
    },
    locale: cfg.locale,
  };
}
