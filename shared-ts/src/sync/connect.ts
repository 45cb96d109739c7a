import type { CrmGateway } from '../crm/gateway';
import { SalesforceGateway } from '../crm/salesforce';
import { DataverseGateway } from '../crm/dataverse';
import type { LinkedInSource } from '../linkedin/source';
import { SyncServicesSource } from '../linkedin/syncServices';
import { CompanyFileSource } from '../linkedin/companySource';
import { FileSource } from '../linkedin/fileSource';
import { entraTokenProvider } from './entraToken';
import { ConfigError, ENV, type Credentials, type NavSyncConfig } from './config';
import { readCredentialsFile, updateCredentialsFile } from './credentialsFile';
import { refreshingToken } from './oauth/refreshingToken';
import type { SyncOptions } from './context';
import type { OutboundPolicy } from '../net/outbound';

/** Where the clients may send requests: https to public addresses; loopback only when the config asks (doubles). */
const outboundOf = (cfg: NavSyncConfig): OutboundPolicy => ({ allowLoopback: cfg.allowLoopback === true });

export interface Connection {
  options: Pick<SyncOptions, 'crm' | 'linkedin' | 'inboxFile' | 'outDir'>;
  locale?: string;
}

/** Microsoft Entra's token endpoint of the connection's tenant (or the one the config names: doubles, sovereign clouds). */
export function entraTokenUrl(cfg: NonNullable<NavSyncConfig['dataverse']>): string {
  return (
    cfg.tokenUrl ?? `https://login.microsoftonline.com/${encodeURIComponent(cfg.tenantId as string)}/oauth2/v2.0/token`
  );
}

/** The delegated scopes of a device-code sign-in: the environment's API as the signed-in user, and a refresh token. */
export function dataverseUserScope(url: string): string {
  return `${url.replace(/\/+$/, '')}/user_impersonation offline_access`;
}

/**
 * Where a rotated refresh token is kept: the connection's credentials file, whose values win over the environment's.
 * Without one the new token lives as long as the process (Entra does not revoke the old one on use).
 */
function saveRotated(
  cfg: NavSyncConfig,
  name: string,
  log?: (line: string) => void,
): ((token: string) => void) | undefined {
  const file = cfg.credentialsFile;
  if (!file) return undefined;
  return (token) => {
    try {
      updateCredentialsFile(file, { [name]: token });
    } catch (e) {
      log?.(`could not save the renewed sign-in to ${file}: ${(e as Error).message}`);
    }
  };
}

/** The refresh token as the credentials file holds it now (undefined without a file, or when it cannot be read). */
function savedToken(cfg: NavSyncConfig, name: string): (() => string | undefined) | undefined {
  const file = cfg.credentialsFile;
  if (!file) return undefined;
  return () => {
    try {
      return readCredentialsFile(file)[name];
    } catch {
      return undefined;
    }
  };
}

/**
 * Dataverse: a given token; an application token from Microsoft Entra ID by client credentials; or the integration
 * user's delegated tokens from the refresh token a device-code sign-in saved.
 */
function dataverseToken(
  full: NavSyncConfig,
  creds: Credentials,
  outbound: OutboundPolicy,
  log?: (line: string) => void,
): (force?: boolean) => Promise<string> {
  const cfg = full.dataverse as NonNullable<NavSyncConfig['dataverse']>;
  if (creds.dvAccessToken) return async () => creds.dvAccessToken as string;
  const tenantKnown = !!(cfg.tenantId || cfg.tokenUrl);
  if (creds.dvRefreshToken && creds.dvClientId && tenantKnown) {
    const source = refreshingToken({
      platform: 'dataverse',
      tokenUrl: entraTokenUrl(cfg),
      clientId: creds.dvClientId,
      refreshToken: creds.dvRefreshToken,
      scope: dataverseUserScope(cfg.url),
      outbound,
      onRotate: saveRotated(full, ENV.dvRefreshToken, log),
      reload: savedToken(full, ENV.dvRefreshToken),
    });
    return async (force) => (await source(force)).value;
  }
  if (!creds.dvClientId || !creds.dvClientSecret || !tenantKnown) {
    throw new ConfigError(
      'Dataverse credentials missing: set NAVSYNC_DV_ACCESS_TOKEN, or NAVSYNC_DV_CLIENT_ID + NAVSYNC_DV_CLIENT_SECRET with dataverse.tenantId, or sign in with navsync connect dataverse --device-code',
    );
  }
  return entraTokenProvider({
    tokenUrl: entraTokenUrl(cfg),
    clientId: creds.dvClientId,
    clientSecret: creds.dvClientSecret,
    resource: cfg.url,
    outbound,
  });
}

export function crmFromConfig(cfg: NavSyncConfig, creds: Credentials, log?: (line: string) => void): CrmGateway {
  if (cfg.crm === 'salesforce') {
    const sf = cfg.salesforce as NonNullable<NavSyncConfig['salesforce']>;
    const signedIn = !creds.sfAccessToken && !!creds.sfRefreshToken && !!creds.sfClientId;
    if (!creds.sfAccessToken && !signedIn && !(creds.sfClientId && creds.sfClientSecret)) {
      throw new ConfigError(
        'Salesforce credentials missing: set NAVSYNC_SF_ACCESS_TOKEN, or NAVSYNC_SF_CLIENT_ID + NAVSYNC_SF_CLIENT_SECRET, or sign in with navsync connect salesforce --browser',
      );
    }
    // A browser sign-in's refresh token: the session is the integration user's, renewed from it.
    const getToken = signedIn
      ? refreshingToken({
          platform: 'salesforce',
          tokenUrl: `${(sf.loginUrl ?? sf.instanceUrl).replace(/\/+$/, '')}/services/oauth2/token`,
          clientId: creds.sfClientId as string,
          clientSecret: creds.sfClientSecret,
          refreshToken: creds.sfRefreshToken as string,
          outbound: outboundOf(cfg),
          onRotate: saveRotated(cfg, ENV.sfRefreshToken, log),
          reload: savedToken(cfg, ENV.sfRefreshToken),
        })
      : undefined;
    return new SalesforceGateway({
      instanceUrl: sf.instanceUrl,
      loginUrl: sf.loginUrl,
      namespace: sf.namespace,
      apiVersion: sf.apiVersion,
      ...(getToken
        ? { getToken }
        : { clientId: creds.sfClientId, clientSecret: creds.sfClientSecret, accessToken: creds.sfAccessToken }),
      outbound: outboundOf(cfg),
      log,
    });
  }
  const dv = cfg.dataverse as NonNullable<NavSyncConfig['dataverse']>;
  return new DataverseGateway({
    url: dv.url,
    apiVersion: dv.apiVersion,
    getToken: dataverseToken(cfg, creds, outboundOf(cfg), log),
    outbound: outboundOf(cfg),
    log,
  });
}

export function linkedinFromConfig(
  cfg: NavSyncConfig,
  creds: Credentials,
  log?: (line: string) => void,
): LinkedInSource {
  const li = cfg.linkedin;
  if (li.source === 'file') {
    return new FileSource({
      exportFiles: li.exportFiles,
      associationsFile: li.associationsFile,
      columns: li.columns,
      delimiter: li.delimiter,
      encoding: li.encoding,
    });
  }
  if (!creds.linkedinClientId || !creds.linkedinClientSecret) {
    throw new ConfigError(
      'LinkedIn credentials missing: set NAVSYNC_LINKEDIN_CLIENT_ID and NAVSYNC_LINKEDIN_CLIENT_SECRET',
    );
  }
  if (!li.crmInstanceValue)
    throw new ConfigError('config: linkedin.crmInstanceValue (the org id LinkedIn CRM Sync knows) is required');
  const dynamics = cfg.crm === 'dataverse';
  return new SyncServicesSource({
    apiBaseUrl: li.apiBaseUrl,
    tokenUrl: li.tokenUrl,
    clientId: creds.linkedinClientId,
    clientSecret: creds.linkedinClientSecret,
    crmKey: li.crmKey ?? (dynamics ? 'DYNAMICS' : 'SFDC'),
    crmInstanceValue: li.crmInstanceValue,
    partner: li.partner ?? (dynamics ? 'MS' : 'SFDC'),
    associationInstanceId:
      li.associationInstanceId ?? (dynamics ? new URL(cfg.dataverse?.url ?? 'http://x').hostname : li.crmInstanceValue),
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
