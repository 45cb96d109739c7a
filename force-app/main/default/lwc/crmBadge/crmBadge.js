import { LightningElement, api } from 'lwc';
import {
  badgeExplanation,
  badgeSyncedText,
  confidenceLabelKey,
  criterionLabelKey,
  levelLabelKey,
} from 'c/navsyncRecord';
import { label } from 'c/navsyncRecordLabels';

// Lightning badge look per tone of the core's badge state.
const TONE_CLASS = {
  success: 'slds-badge slds-theme_success',
  warning: 'slds-badge slds-theme_warning',
  error: 'slds-badge slds-theme_error',
  neutral: 'slds-badge',
};

// The compared values of a fresh score; a score read back from the record keeps only how well each criterion matched.
function evidenceText(c) {
  if (c.evidence) {
    return `(${c.evidence})`;
  }
  return c.level && c.level !== 'none' ? `(${label(levelLabelKey(c.level))})` : '';
}

export default class CrmBadge extends LightningElement {
  /** The core's BadgeInfo for the record (badgeState). */
  @api info;
  /** Optional match score ({ total, confidence, contributions: [{ criterion, points, evidence, level }] }). */
  @api score;

  showWhy = false;

  get hasInfo() {
    return Boolean(this.info);
  }

  get stateLabel() {
    return label(this.info.labelKey);
  }

  get description() {
    return label(this.info.descriptionKey, this.info.params);
  }

  /** Read before the state by screen readers: a badge is static text, not a live status region. */
  get ariaPrefix() {
    return label('badge.title');
  }

  get badgeClass() {
    return TONE_CLASS[this.info.tone] || TONE_CLASS.neutral;
  }

  get syncedText() {
    const s = badgeSyncedText(this.info);
    return label(s.key, s.params);
  }

  get isManual() {
    return this.info.state === 'matchedByHand';
  }

  get explanation() {
    const e = badgeExplanation(this.info, this.score);
    if (!e) {
      return null;
    }
    return {
      total: label('badge.whyTotal', { total: e.total }),
      confidence: label(confidenceLabelKey(e.confidence)),
      // One text per line: the separator's spacing is the language's ("E-mail : 40 points" in French).
      lines: e.contributions.map((c) => ({
        key: c.criterion,
        text: label('common.labelValue', {
          label: label(criterionLabelKey(c.criterion)),
          value: label('badge.whyShare', { points: c.points, share: c.sharePercent }),
        }),
        evidence: evidenceText(c),
      })),
      notCompared: e.unmatchedCriteria.length
        ? label('badge.whyNotCompared', {
            criteria: e.unmatchedCriteria.map((c) => label(criterionLabelKey(c))).join(', '),
          })
        : null,
    };
  }

  get canExplain() {
    return Boolean(this.explanation) || this.isManual;
  }

  get whyTitle() {
    return label('badge.whyTitle');
  }

  get whyManual() {
    return label('badge.whyManual');
  }

  toggleWhy() {
    this.showWhy = !this.showWhy;
  }
}
