import type { IInputs } from '../generated/ManifestTypes';
import type { RecordRef } from './ProfileViewModel';
import type { SearchInputs } from './rules';

/** The form's record: PCF exposes it on `mode.contextInfo` (not in the typings, present in model-driven apps). */
export function recordOf(context: ComponentFramework.Context<IInputs>): RecordRef {
  const info = (context.mode as unknown as { contextInfo?: { entityId?: string; entityTypeName?: string } })
    .contextInfo;
  const id = info?.entityId ? info.entityId.replace(/[{}]/g, '') : null;
  return { entity: info?.entityTypeName ?? 'contact', id };
}

export function inputsOf(context: ComponentFramework.Context<IInputs>): SearchInputs {
  const p = context.parameters;
  return {
    lastName: p.lastName.raw ?? null,
    firstName: p.firstName?.raw ?? null,
    email: p.email?.raw ?? null,
    company: p.company?.raw ?? null,
    title: p.title?.raw ?? null,
    apiKey: p.displayServicesApiKey?.raw ?? null,
  };
}
