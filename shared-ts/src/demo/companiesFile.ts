import type { DemoData } from './dataset';

/** The LinkedIn company URN of a demo account's company page (A0007 → urn:li:organization:70007). */
export function demoCompanyUrn(accountKey: string): string {
  return `urn:li:organization:${70000 + parseInt(accountKey.slice(1), 10)}`;
}

/**
 * LinkedIn company pages as the company source reads them (JSON lines): most demo accounts have a page with their
 * name, site and headquarters (every third has none), and every fifth a sister page that shares the name's first
 * word on another site (it must not take the account's URN).
 */
export function demoCompaniesJsonLines(data: DemoData): string {
  const lines: string[] = [];
  data.accounts.forEach((a, i) => {
    if (i % 3 === 2) return;
    const page = {
      urn: demoCompanyUrn(a.key),
      name: a.name,
      website: a.website,
      city: a.city,
      postalCode: a.postalCode,
      industry: a.industry,
    };
    lines.push(JSON.stringify(page));
    if (i % 5 === 0) {
      const sister = {
        urn: `urn:li:organization:${90000 + i}`,
        name: `${a.name.split(' ')[0]} Ventures`,
        website: `https://sister-${i}.example`,
      };
      lines.push(JSON.stringify(sister));
    }
  });
  return `${lines.join('\n')}\n`;
}
