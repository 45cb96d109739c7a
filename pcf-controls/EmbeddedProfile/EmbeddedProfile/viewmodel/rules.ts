import type { PersonRecord } from '../services/ProfileService';

/** What the form passes to the control besides the bound column (manifest input properties). */
export interface SearchInputs {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  company: string | null;
  title: string | null;
  apiKey: string | null;
}

export interface BadgeView {
  state: string;
  labelKey: string;
  descriptionKey: string;
  params: Record<string, string | number>;
  tone: 'success' | 'warning' | 'error' | 'neutral';
  /** Action ids the state allows now (viewProfile, matchByHand, unmatch, updateAccount, ignore, undoIgnore, refresh). */
  actions: string[];
  /** "Synced N days ago" line. */
  synced: { key: string; params: Record<string, number> };
  /** "Why this match": the stored score of a sync match, or a match by hand (no score); null: nothing to explain. */
  why: WhyView | null;
}

/** One criterion that gave points, as the view words it (catalogue keys and numbers). */
export interface WhyLine {
  criterion: string;
  labelKey: string;
  points: number;
  /** Share of the total in percent (rounded). */
  share: number;
  /** How well it matched (a stored score keeps no compared values), or null. */
  levelKey: string | null;
}

export type WhyView =
  | { kind: 'manual' }
  /** The lines' points add up to `total`, strongest first. */
  | { kind: 'score'; total: number; confidenceKey: string; lines: WhyLine[]; noPointsKeys: string[] };

export type ParsedProfileUrl = { ok: true; url: string } | { ok: false; errorKey: string };

export type PatchAction = 'ignore' | 'undoIgnore' | 'unmatch' | 'matchByHand' | 'resetFlag';

/** The core rules the control applies (shared-ts domain), behind one seam so the adapter stays small. */
export interface ProfileRules {
  parseProfileUrl(text: string): ParsedProfileUrl;
  badge(person: PersonRecord, now: Date): BadgeView;
  /** Dataverse column values an action writes. */
  patch(action: PatchAction, input?: { profileUrl?: string; now?: string }): Record<string, string | number | null>;
  iframeUrl(person: PersonRecord, inputs: SearchInputs): string | null;
  /** Only photos from LinkedIn's media origin are shown (anything else in the column is ignored). */
  trustedPhoto(url: string | null): string | null;
  /** The LinkedIn page of a company from its stored URN, or null. */
  companyLink(urn: string | null): string | null;
  /** The stored profile URL as a link may show it (canonical LinkedIn profile), or null: "no profile link". */
  profileLink(stored: string | null): string | null;
}
