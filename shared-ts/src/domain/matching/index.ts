// Matching: CRM people and accounts against LinkedIn members and companies, explainable and blocked.
export * from './text';
export * from './sound';
export * from './nicknames';
export * from './personName';
export * from './company';
export * from './freeMail';
export * from './domains';
export * from './phones';
export * from './titles';
export * from './address';
export * from './score';
export * from './people';
export * from './accounts';
export * from './blocking';
export * from './matchAll';
export * from './explain';
