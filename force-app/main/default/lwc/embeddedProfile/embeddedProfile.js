import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getFieldValue, getRecord, notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import {
  badgeActionPatch,
  badgeFieldsFromSalesforce,
  badgePatchToSalesforce,
  badgeState,
  buildSalesNavigatorWidgetUrl,
  decodeStoredScore,
  isTrustedPhotoUrl,
  parseProfileUrl,
  renderableProfileUrl,
} from 'c/navsyncRecord';
import { label } from 'c/navsyncRecordLabels';
import { namespaceOf } from 'c/navsyncNamespace';
import { errorText } from 'c/navsyncErrors';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import C_FIRST from '@salesforce/schema/Contact.FirstName';
import C_LAST from '@salesforce/schema/Contact.LastName';
import C_NAME from '@salesforce/schema/Contact.Name';
import C_EMAIL from '@salesforce/schema/Contact.Email';
import C_TITLE from '@salesforce/schema/Contact.Title';
import C_COMPANY from '@salesforce/schema/Contact.Account.Name';
import C_FLAG from '@salesforce/schema/Contact.Not_At_Company__c';
import C_URN from '@salesforce/schema/Contact.LinkedIn_Member_URN__c';
import C_URL from '@salesforce/schema/Contact.Sales_Navigator_URL__c';
import C_PHOTO from '@salesforce/schema/Contact.LinkedIn_Photo_URL__c';
import C_SOURCE from '@salesforce/schema/Contact.Match_Source__c';
import C_SYNCED from '@salesforce/schema/Contact.LinkedIn_Synced_At__c';
import C_VALIDATED from '@salesforce/schema/Contact.LinkedIn_Validated_At__c';
import C_SCORE from '@salesforce/schema/Contact.LinkedIn_Match_Score__c';
import L_FIRST from '@salesforce/schema/Lead.FirstName';
import L_LAST from '@salesforce/schema/Lead.LastName';
import L_NAME from '@salesforce/schema/Lead.Name';
import L_EMAIL from '@salesforce/schema/Lead.Email';
import L_TITLE from '@salesforce/schema/Lead.Title';
import L_COMPANY from '@salesforce/schema/Lead.Company';
import L_FLAG from '@salesforce/schema/Lead.Not_At_Company__c';
import L_URN from '@salesforce/schema/Lead.LinkedIn_Member_URN__c';
import L_URL from '@salesforce/schema/Lead.Sales_Navigator_URL__c';
import L_PHOTO from '@salesforce/schema/Lead.LinkedIn_Photo_URL__c';
import L_SOURCE from '@salesforce/schema/Lead.Match_Source__c';
import L_SYNCED from '@salesforce/schema/Lead.LinkedIn_Synced_At__c';
import L_VALIDATED from '@salesforce/schema/Lead.LinkedIn_Validated_At__c';
import L_SCORE from '@salesforce/schema/Lead.LinkedIn_Match_Score__c';
import A_NAME from '@salesforce/schema/Account.Name';
import A_URN from '@salesforce/schema/Account.LinkedIn_Company_URN__c';
import O_NAME from '@salesforce/schema/Opportunity.Name';
import O_COMPANY from '@salesforce/schema/Opportunity.Account.Name';

// In a subscriber org NavSync's fields carry the package namespace; the schema import knows it.
const NAMESPACE = namespaceOf(C_FLAG);

// The fields each record page needs: NavSync's own as optional fields, so a user without field access still
// sees the rest instead of an error.
const SHAPES = {
  Contact: {
    crmType: 'contact',
    person: true,
    fields: [C_NAME, C_FIRST, C_LAST, C_TITLE],
    optional: [C_EMAIL, C_COMPANY, C_FLAG, C_URN, C_URL, C_PHOTO, C_SOURCE, C_SYNCED, C_VALIDATED, C_SCORE],
    f: {
      name: C_NAME,
      first: C_FIRST,
      last: C_LAST,
      email: C_EMAIL,
      title: C_TITLE,
      company: C_COMPANY,
      score: C_SCORE,
    },
  },
  Lead: {
    crmType: 'lead',
    person: true,
    fields: [L_NAME, L_FIRST, L_LAST, L_TITLE],
    optional: [L_EMAIL, L_COMPANY, L_FLAG, L_URN, L_URL, L_PHOTO, L_SOURCE, L_SYNCED, L_VALIDATED, L_SCORE],
    f: {
      name: L_NAME,
      first: L_FIRST,
      last: L_LAST,
      email: L_EMAIL,
      title: L_TITLE,
      company: L_COMPANY,
      score: L_SCORE,
    },
  },
  Account: {
    crmType: 'account',
    person: false,
    fields: [A_NAME],
    optional: [A_URN],
    f: { name: A_NAME, company: A_NAME },
  },
  Opportunity: {
    crmType: 'opportunity',
    person: false,
    fields: [O_NAME],
    optional: [O_COMPANY],
    f: { name: O_NAME, company: O_COMPANY },
  },
};

export default class EmbeddedProfile extends NavigationMixin(LightningElement) {
  @api recordId;
  @api objectApiName;
  /** App Builder property: the Sales Navigator client id; set = embed the official iframe. */
  @api salesNavApiKey;
  @api crmSourceType;

  record;
  error;
  pastedUrl = '';
  matchError;
  actionError;
  busy = false;
  matchFormOpen = false;
  confirmingUnmatch = false;

  get shape() {
    return SHAPES[this.objectApiName];
  }

  get fields() {
    return this.shape ? this.shape.fields : undefined;
  }

  get optionalFields() {
    return this.shape ? this.shape.optional : undefined;
  }

  @wire(getRecord, { recordId: '$recordId', fields: '$fields', optionalFields: '$optionalFields' })
  wiredRecord({ data, error }) {
    if (data) {
      this.record = data;
      this.error = undefined;
    } else if (error) {
      this.error = error;
      this.record = undefined;
    }
  }

  value(key) {
    const field = this.shape && this.shape.f[key];
    if (!field || !this.record) {
      return null;
    }
    const v = getFieldValue(this.record, field);
    return v === undefined ? null : v;
  }

  get isLoading() {
    return !this.record && !this.error;
  }

  get isPerson() {
    return Boolean(this.shape && this.shape.person);
  }

  get name() {
    return this.value('name');
  }

  get subtitle() {
    // An account's company is the record itself; everything else shows the company it belongs to.
    const company = this.objectApiName === 'Account' ? null : this.value('company');
    return [this.value('title'), company].filter((x) => x).join(' · ');
  }

  /** The person's NavSync fields and badge (state, texts, allowed actions), all from the core. */
  get badgeFields() {
    return badgeFieldsFromSalesforce(this.record, NAMESPACE);
  }

  get badge() {
    return badgeState(this.badgeFields, Date.now());
  }

  /** The sync's per-criterion score stored on the record, for the badge's "why this match"; null when absent. */
  get matchScore() {
    const stored = decodeStoredScore(this.value('score'));
    return stored && stored.kind === 'person' ? stored.score : null;
  }

  allows(action) {
    return this.badge.actions.some((a) => a.id === action);
  }

  /** Only a LinkedIn member profile, in its canonical form, ever reaches the link (the core's one rule). */
  get profileUrl() {
    return this.allows('viewProfile') ? renderableProfileUrl(this.badgeFields.profileUrl) : null;
  }

  /** Something is stored that is not a LinkedIn profile (another site, a script URL): say so, link nothing. */
  get hasUnusableProfileUrl() {
    return Boolean(this.badgeFields.profileUrl) && !renderableProfileUrl(this.badgeFields.profileUrl);
  }

  get photoUrl() {
    const url = this.badgeFields.photoUrl;
    return isTrustedPhotoUrl(url) ? url : null;
  }

  get isNotAtCompany() {
    return this.badge.state === 'notAtCompany';
  }

  get isIgnored() {
    return this.badge.state === 'ignored';
  }

  get canUnmatch() {
    return this.allows('unmatch');
  }

  get canRefresh() {
    return this.allows('refresh');
  }

  get showMatchForm() {
    return this.allows('matchByHand') && (this.badge.state === 'notMatched' || this.matchFormOpen);
  }

  get showMatchToggle() {
    return this.allows('matchByHand') && !this.showMatchForm;
  }

  get isNotMatched() {
    return this.badge.state === 'notMatched';
  }

  get widgetUrl() {
    if (!this.record) {
      return null;
    }
    return buildSalesNavigatorWidgetUrl({
      apiKey: this.salesNavApiKey,
      crmRecordId: this.recordId,
      crmSourceType: this.crmSourceType,
      crmType: this.shape.crmType,
      firstName: this.value('first'),
      lastName: this.value('last'),
      email: this.value('email'),
      companyName: this.value('company'),
    });
  }

  get labels() {
    const name = this.name || '';
    const company = this.value('company');
    return {
      title: label('profile.cardTitle'),
      loading: label('profile.loading'),
      loadError: label('profile.loadError'),
      viewProfile: label('profile.viewInSalesNavigatorOf', { name }),
      photoAlt: label('profile.photoAlt', { name }),
      notAtCompanyTitle: label('profile.notAtCompanyTitle'),
      notAtCompany: company
        ? label('profile.notAtCompanyBanner', { name, company })
        : label('profile.notAtCompanyBannerNoCompany', { name }),
      updateAccount: label('profile.updateAccount'),
      ignore: label('profile.ignore'),
      ignored: label('profile.ignored'),
      undoIgnore: label('profile.undoIgnore'),
      emptyTitle: label('profile.emptyTitle'),
      emptyBody: label('profile.emptyBody'),
      matchByHand: label('profile.matchByHand'),
      matchPrompt: label('profile.matchPrompt', { name }),
      matchLabel: label('profile.matchLabel'),
      matchPlaceholder: label('profile.matchPlaceholder'),
      match: label('profile.matchButton'),
      unmatch: label('profile.unmatch'),
      unmatchConfirm: label('profile.unmatchConfirm'),
      refresh: label('common.refresh'),
      noProfileLink: label('profile.noProfileLink'),
      cancel: label('common.cancel'),
      iframeTitle: label('profile.iframeTitle', { name }),
    };
  }

  async apply(action, input) {
    this.busy = true;
    this.actionError = undefined;
    try {
      const fields = badgePatchToSalesforce(badgeActionPatch(action, input), NAMESPACE);
      await updateRecord({ fields: { Id: this.recordId, ...fields } });
      this.toast('success', label('common.saved'));
      return true;
    } catch (e) {
      this.actionError = label('profile.saveError', { reason: errorText(e) }).trim();
      this.toast('error', this.actionError);
      return false;
    } finally {
      this.busy = false;
    }
  }

  toast(variant, message) {
    this.dispatchEvent(new ShowToastEvent({ title: label('profile.cardTitle'), message, variant }));
  }

  handleIgnore() {
    // A user's Ignore is final for the sync engine: it never overwrites it.
    return this.apply('ignore');
  }

  handleUndoIgnore() {
    return this.apply('undoIgnore');
  }

  handleUpdateAccount() {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: this.recordId, objectApiName: this.objectApiName, actionName: 'edit' },
    });
  }

  handleRefresh() {
    return notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
  }

  handleOpenMatch() {
    this.matchFormOpen = true;
  }

  handleCloseMatch() {
    this.matchFormOpen = false;
    this.matchError = undefined;
  }

  handleUrlInput(event) {
    this.pastedUrl = event.target.value;
    this.matchError = undefined;
  }

  async handleMatch() {
    const parsed = parseProfileUrl(this.pastedUrl);
    if (!parsed.ok) {
      this.matchError = label(parsed.errorKey);
      return;
    }
    const saved = await this.apply('matchByHand', { profileUrl: parsed.value.normalizedUrl });
    if (saved) {
      this.pastedUrl = '';
      this.matchFormOpen = false;
    }
  }

  handleUnmatchStart() {
    this.confirmingUnmatch = true;
  }

  handleUnmatchCancel() {
    this.confirmingUnmatch = false;
  }

  async handleUnmatchConfirm() {
    this.confirmingUnmatch = false;
    await this.apply('unmatch');
  }
}
