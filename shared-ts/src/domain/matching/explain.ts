import { t } from '../i18n/index';
import type { Locale } from '../i18n/locales';
import type { AccountCriterion } from './accounts';
import type { PersonCriterion } from './people';
import type { Confidence, MatchScore } from './score';
import { decodeStoredScore } from './storedScore';

/**
 * The CRM badge's "why this match": localized criterion and confidence labels (i18n area "matching") and
 * one line per criterion that contributed points, strongest first, with the compared values (a fresh score) or
 * the level reached (a score read back from the record, which keeps no values).
 */
function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Catalogue key of a criterion's label ("matching.criterionCurrentCompany"). */
export function criterionLabelKey(criterion: PersonCriterion | AccountCriterion): string {
  return `matching.criterion${capitalise(criterion)}`;
}

/** Catalogue key of a confidence level's label ("matching.confidenceHigh"). */
export function confidenceLabelKey(confidence: Confidence): string {
  return `matching.confidence${capitalise(confidence)}`;
}

/** Catalogue key of a criterion level's label ("matching.levelNickname"). */
export function levelLabelKey(level: string): string {
  return `matching.level${capitalise(level)}`;
}

export interface ExplainedScore {
  summary: string;
  lines: string[];
  ambiguous: string | null;
}

/** Localized explanation of a score for the badge. */
export function explainScore(
  score: MatchScore<PersonCriterion> | MatchScore<AccountCriterion>,
  locale: Locale = 'en',
  ambiguous = false,
): ExplainedScore {
  const contributions = score.contributions.filter((c) => c.points > 0).sort((x, y) => y.points - x.points);
  const lines = contributions.map((c) => {
    const line = t('matching.contribution', locale, {
      criterion: t(criterionLabelKey(c.criterion), locale),
      points: c.points,
    });
    return `${line} (${c.evidence === '' ? t(levelLabelKey(c.level), locale) : c.evidence})`;
  });
  return {
    summary: t('matching.summary', locale, {
      total: score.total,
      confidence: t(confidenceLabelKey(score.confidence), locale),
    }),
    lines,
    ambiguous: ambiguous ? t('matching.ambiguous', locale) : null,
  };
}

/** The explanation of a score stored on a record (see storedScore.ts); null when the text is not one. */
export function explainStoredScore(
  stored: string | null | undefined,
  locale: Locale = 'en',
  ambiguous = false,
): ExplainedScore | null {
  const decoded = decodeStoredScore(stored);
  return decoded === null ? null : explainScore(decoded.score, locale, ambiguous);
}
