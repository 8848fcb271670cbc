import { relationTo } from '../lib/dates/relation';

export { relationTo, type Relation } from '../lib/dates/relation';

/** Events that certainly happened after the article's date. */
export function countAfter(events: readonly { date: string }[], articleDate: string): number {
  return events.filter((e) => relationTo(e.date, articleDate) === 'after').length;
}

/** Only https links leave the extension: never javascript:, data: or plain http. */
export function safeHref(url: string | undefined): string | undefined {
  return url && /^https:\/\//i.test(url) ? url : undefined;
}
