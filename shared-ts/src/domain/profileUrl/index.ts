// Manual match: parse a pasted profile URL; the official Sales Navigator iframe URL and the origins to trust.
export * from './parse';
export * from './widget';
