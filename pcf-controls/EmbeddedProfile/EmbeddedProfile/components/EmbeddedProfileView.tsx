import * as React from 'react';
import {
  DefaultButton,
  Link,
  MessageBar,
  MessageBarType,
  Persona,
  PersonaSize,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
  TextField,
} from '@fluentui/react';
import { WIDGET_IFRAME_SANDBOX } from '@navsync/shared-ts';
import type { CompanyView, PersonView, ProfileViewModel, ProfileViewState } from '../viewmodel/ProfileViewModel';
import { WhyThisMatch } from './WhyThisMatch';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface EmbeddedProfileViewProps {
  vm: ProfileViewModel;
  t: Translate;
  /** BCP-47 language of the texts (the user's), set on the control's root for screen readers. */
  lang: string;
}

function useViewState(vm: ProfileViewModel): ProfileViewState {
  const [state, setState] = React.useState(vm.state);
  React.useEffect(() => {
    setState(vm.state);
    return vm.subscribe(() => setState(vm.state));
  }, [vm]);
  return state;
}

const TONE: Record<string, MessageBarType> = {
  success: MessageBarType.success,
  warning: MessageBarType.warning,
  error: MessageBarType.severeWarning,
  neutral: MessageBarType.info,
};

/** The Embedded Profile card: photo, name, Sales Navigator link, badge, Not-at-company banner, manual match. */
export function EmbeddedProfileView({ vm, t, lang }: EmbeddedProfileViewProps): React.ReactElement {
  const state = useViewState(vm);
  const [url, setUrl] = React.useState('');

  if (state.phase === 'loading') return <Spinner size={SpinnerSize.medium} label={t('profile.loading')} />;
  if (state.phase === 'newRecord') return <MessageBar>{t('dataverse.saveFirst')}</MessageBar>;
  if (state.phase === 'ready' && state.company) return <CompanyCard company={state.company} t={t} lang={lang} />;
  if (state.phase === 'ready' && state.people) return <PeopleList people={state.people} t={t} lang={lang} />;
  if (state.phase === 'error' || !state.person) {
    return (
      <MessageBar
        messageBarType={MessageBarType.error}
        actions={<DefaultButton text={t('common.retry')} onClick={() => void vm.load()} />}
      >
        {t(state.message?.key ?? 'profile.loadError')}
      </MessageBar>
    );
  }

  const person = state.person;
  const badge = state.badge;
  const can = (action: string) => badge?.actions.includes(action) ?? false;
  const name = person.fullName;

  return (
    <Stack className="navsync-ep" lang={lang} tokens={{ childrenGap: 8 }}>
      {state.iframeUrl ? (
        <iframe
          className="navsync-ep-iframe"
          title={t('profile.iframeTitle', { name })}
          src={state.iframeUrl}
          sandbox={WIDGET_IFRAME_SANDBOX}
        />
      ) : (
        <Persona
          text={name}
          secondaryText={badge ? t(badge.labelKey) : undefined}
          tertiaryText={badge ? t(badge.synced.key, badge.synced.params) : undefined}
          imageUrl={person.photoUrl ?? undefined}
          imageAlt={t('profile.photoAlt', { name })}
          size={PersonaSize.size72}
        />
      )}
      {/* One bar: the outcome of what the rep just did replaces the state's description (both said "matched by hand"). */}
      {state.message ? (
        <MessageBar messageBarType={state.message.kind === 'error' ? MessageBarType.error : MessageBarType.success}>
          {t(state.message.key, state.message.params)}
        </MessageBar>
      ) : badge && badge.state !== 'notAtCompany' ? (
        <MessageBar messageBarType={TONE[badge.tone]} isMultiline>
          {t(badge.descriptionKey, badge.params)}
        </MessageBar>
      ) : null}
      {badge?.why ? <WhyThisMatch why={badge.why} t={t} /> : null}
      {can('viewProfile') && person.profileUrl ? (
        <Link href={person.profileUrl} target="_blank" rel="noopener noreferrer">
          {t('profile.viewInSalesNavigator')}
        </Link>
      ) : state.linkRefused ? (
        <Text variant="small">{t('profile.noProfileLink')}</Text>
      ) : null}
      {state.notAtCompany ? (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline
          actions={
            <div>
              <PrimaryButton
                text={t('profile.updateAccount')}
                title={t('profile.updateAccountHint')}
                disabled={state.busy}
                onClick={() => void vm.updateAccount()}
              />
              <DefaultButton
                text={t('profile.ignore')}
                title={t('profile.ignoreHint')}
                disabled={state.busy}
                onClick={() => void vm.ignore()}
              />
            </div>
          }
        >
          {person.accountName
            ? t('profile.notAtCompanyBanner', { name, company: person.accountName })
            : t('profile.notAtCompanyBannerNoCompany', { name })}
        </MessageBar>
      ) : null}
      {can('matchByHand') ? (
        <Stack tokens={{ childrenGap: 4 }}>
          <Text variant="small">{t('profile.matchPrompt', { name })}</Text>
          <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 8 }}>
            <Stack.Item grow>
              <TextField
                label={t('profile.matchLabel')}
                placeholder={t('profile.matchPlaceholder')}
                value={url}
                onChange={(_e, v) => setUrl(v ?? '')}
                errorMessage={state.matchError ? t(state.matchError) : undefined}
                disabled={state.busy}
              />
            </Stack.Item>
            <PrimaryButton
              text={t('profile.matchButton')}
              disabled={state.busy || url.trim() === ''}
              onClick={() => {
                void (async () => {
                  if (await vm.matchByUrl(url)) setUrl('');
                })();
              }}
            />
          </Stack>
        </Stack>
      ) : null}
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        {can('unmatch') ? (
          <DefaultButton text={t('profile.unmatch')} disabled={state.busy} onClick={() => void vm.unmatch()} />
        ) : null}
        {can('undoIgnore') ? (
          <DefaultButton text={t('profile.undoIgnore')} disabled={state.busy} onClick={() => void vm.undoIgnore()} />
        ) : null}
        {can('refresh') ? (
          <DefaultButton text={t('common.refresh')} disabled={state.busy} onClick={() => void vm.load()} />
        ) : null}
      </Stack>
    </Stack>
  );
}

/** On an account form: the company, and its LinkedIn page when the sync linked one. */
function CompanyCard({ company, t, lang }: { company: CompanyView; t: Translate; lang: string }): React.ReactElement {
  const linked = company.linkedInUrl !== null;
  return (
    <Stack className="navsync-ep" lang={lang} tokens={{ childrenGap: 8 }}>
      <Persona
        text={company.record.name}
        secondaryText={t(linked ? 'profile.companyLinked' : 'profile.companyNotLinked')}
        size={PersonaSize.size48}
      />
      {company.linkedInUrl ? (
        <Link href={company.linkedInUrl} target="_blank" rel="noopener noreferrer">
          {t('profile.viewCompany')}
        </Link>
      ) : null}
    </Stack>
  );
}

/** On an opportunity form: its people, each with the badge state and (only a LinkedIn profile) link. */
function PeopleList({ people, t, lang }: { people: PersonView[]; t: Translate; lang: string }): React.ReactElement {
  return (
    <Stack className="navsync-ep" lang={lang} tokens={{ childrenGap: 8 }}>
      <Text variant="mediumPlus" role="heading" aria-level={3}>
        {t('profile.peopleTitle')}
      </Text>
      {people.length === 0 ? <Text>{t('profile.noPeople')}</Text> : null}
      <ul className="navsync-ep-people">
        {people.map(({ person, badge }) => (
          <li key={person.id}>
            <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
              <Persona
                text={person.fullName}
                secondaryText={t(badge.labelKey)}
                imageUrl={person.photoUrl ?? undefined}
                imageAlt={t('profile.photoAlt', { name: person.fullName })}
                size={PersonaSize.size32}
              />
              {person.profileUrl ? (
                <Link href={person.profileUrl} target="_blank" rel="noopener noreferrer">
                  {t('profile.viewInSalesNavigatorOf', { name: person.fullName })}
                </Link>
              ) : null}
            </Stack>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
