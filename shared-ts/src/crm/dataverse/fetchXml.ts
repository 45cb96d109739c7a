/**
 * FetchXML paging (dataverse-api.md §6.2): each page's answer carries a paging cookie in the
 * `fetchxmlpagingcookie` annotation; its `pagingcookie` attribute, URL-decoded twice and XML-escaped, goes into the
 * next request's `<fetch page="…" paging-cookie="…">`, until `morerecords` is false.
 */
import { xmlAttr } from './odata';

const COOKIE = '@Microsoft.Dynamics.CRM.fetchxmlpagingcookie';
const MORE = '@Microsoft.Dynamics.CRM.morerecords';
export const PAGING_ANNOTATIONS = 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie,Microsoft.Dynamics.CRM.morerecords';

export interface FetchPage {
  page: number;
  /** The cookie of the previous page, as the platform gave it (not yet escaped). */
  cookie?: string;
}

/** The `<fetch>` of one page: `page` and `paging-cookie` set on its root element. */
export function pagedFetchXml(fetchXml: string, p: FetchPage): string {
  const attrs = ` page="${p.page}"${p.cookie === undefined ? '' : ` paging-cookie="${xmlAttr(p.cookie)}"`}`;
  return fetchXml.replace(/^<fetch\b/, `<fetch${attrs}`);
}

/** The next page after an answer, or null when there is none. */
export function nextFetchPage(answer: Record<string, unknown>, current: number): FetchPage | null {
  const annotation = answer[COOKIE];
  if (answer[MORE] === false || typeof annotation !== 'string') return null;
  const encoded = /pagingcookie="([^"]*)"/.exec(annotation)?.[1];
  const page = Number(/pagenumber="(\d+)"/.exec(annotation)?.[1]) || current + 1;
  return { page, ...(encoded ? { cookie: decodeURIComponent(decodeURIComponent(encoded)) } : {}) };
}
