/**
 * Checks a corpus pack (the bundled one at build and install time, or one a
 * reader imports) and explains every problem in words a pack author can act
 * on: where (which topic or event, by index and id), which field, and why.
 */
import type { core } from 'zod';
import { foldString } from '../arabic/normalize';
import { spellingEdits, variantSteps } from '../detect/variants';
import { LIMITS, corpusPackSchema } from './schema';
import type { CorpusPack, DatePrecision, Evidence } from './types';

export type ValidationResult = { ok: true; pack: CorpusPack } | { ok: false; errors: string[] };

/** Larger packs are refused before parsing: parsing alone would stall the page that imports them. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;
/** Past this many problems the list stops helping; the author fixes the first ones and tries again. */
const MAX_ERRORS = 100;

export function validatePack(input: unknown): ValidationResult {
  let data = input;
  if (typeof input === 'string') {
    const bytes = utf8Length(input, MAX_PACK_BYTES);
    if (bytes > MAX_PACK_BYTES) {
      return fail([
        `The pack is larger than ${MAX_PACK_BYTES / (1024 * 1024)} MB (${input.length.toLocaleString('en')} characters); Siyaq reads packs up to ${MAX_PACK_BYTES / (1024 * 1024)} MB. Split it into several packs.`,
      ]);
    }
    try {
      data = JSON.parse(input);
    } catch (error) {
      return fail([`The pack is not valid JSON: ${jsonErrorText(input, error)}.`]);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(['The pack must be a JSON object ({ "format": "siyaq-corpus", ... }).']);
  }
  // A file that is not a pack at all would otherwise list every missing field.
  if ((data as { format?: unknown }).format !== 'siyaq-corpus') {
    return fail(['This is not a Siyaq corpus pack: the field "format" must be "siyaq-corpus".']);
  }

  const parsed = corpusPackSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const pack = packName(data);
    return fail(
      parsed.error.issues.map(
        (issue) => `${where(data, issue.path)}: ${issueText(issue)}${issue.code === 'too_big' ? ` (pack ${pack})` : ''}`,
      ),
    );
  }

  const pack = parsed.data;
  const errors = crossCheck(pack);
  return errors.length ? fail(errors) : { ok: true, pack };
}

/** The pack's id for a message, even when the id itself is malformed. */
function packName(data: object): string {
  const id = (data as { id?: unknown }).id;
  return typeof id === 'string' ? JSON.stringify(id.slice(0, 128)) : 'without an id';
}

function fail(errors: string[]): ValidationResult {
  if (errors.length <= MAX_ERRORS) return { ok: false, errors };
  return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems.`] };
}

/** UTF-8 size of `s`, counted only until it passes `limit` (a 50 MB string costs no more than the limit). */
function utf8Length(s: string, limit: number): number {
  if (s.length > limit) return s.length; // every UTF-16 unit is at least one byte
  let bytes = 0;
  for (let i = 0; i < s.length && bytes <= limit; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one four-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The parser's reason, with the line and column when it names a position. */
function jsonErrorText(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const before = source.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/**
 * A readable location: `events[3] (id "x") › evidence[0] › quote`. Items of
 * arrays are named by index and, when they have one, their id, so the author
 * can search the file for either.
 */
function where(root: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'The pack';
  const parts: string[] = [];
  let node: unknown = root;
  for (const key of path) {
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      const label = `${parts.pop() ?? ''}[${key}]`;
      parts.push(typeof id === 'string' ? `${label} (id "${id}")` : label);
    } else parts.push(String(key));
  }
  return parts.join(' › ');
}

function issueText(issue: core.$ZodIssue): string {
  // reportInput puts the offending value on the issue; a missing field has none.
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) return 'is missing';
  switch (issue.code) {
    case 'invalid_type':
      return `should be ${TYPE_NAMES[issue.expected] ?? article(issue.expected)}, not ${kindOf(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'string') {
        return `is ${lengthOf(issue.input)} characters long; Siyaq reads at most ${issue.maximum.toLocaleString('en')} here, so that no pack can stall the pages it marks`;
      }
      if (issue.origin === 'array') {
        return `has ${lengthOf(issue.input)} items; Siyaq reads at most ${issue.maximum.toLocaleString('en')} here (split the pack, or keep the few that matter)`;
      }
      return `is ${String(issue.input)}; it must be at most ${issue.maximum.toLocaleString('en')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${JSON.stringify(issue.input)}`;
    default:
      return issue.message;
  }
}

function lengthOf(value: unknown): string {
  return typeof value === 'string' || Array.isArray(value) ? value.length.toLocaleString('en') : '?';
}

const TYPE_NAMES: Record<string, string> = { int: 'a whole number', array: 'a list', object: 'an object ({ ... })' };

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return article(typeof value);
}

/** Rules that look across the pack; run only once every field has the right shape. */
function crossCheck(pack: CorpusPack): string[] {
  const errors: string[] = [];
  const say = (path: PropertyKey[], text: string) => errors.push(`${where(pack, path)}: ${text}`);

  const topicIds = uniqueIds(pack.topics, ['topics'], 'topic', say);
  uniqueIds(pack.events, ['events'], 'event', say);
  const sourceIds = uniqueIds(pack.sources, ['sources'], 'source', say);
  const questions = pack.questions ?? [];
  uniqueIds(questions, ['questions'], 'question', say);
  const answerAt = new Map<string, string>();

  const checkEvidence = (evidence: Evidence[], path: PropertyKey[]) =>
    evidence.forEach((e, k) => {
      if (!sourceIds.has(e.source)) say([...path, 'evidence', k, 'source'], `no source has the id "${e.source}"`);
    });
  const checkTopicRefs = (ids: string[], path: PropertyKey[], what: string) =>
    ids.forEach((t, k) => {
      if (!topicIds.has(t)) say([...path, k], `${what} "${t}" is not a topic of this pack`);
    });

  pack.sources.forEach((s, i) => {
    if (s.published !== null) {
      const problem = isoPrefixProblem(s.published);
      if (problem) say(['sources', i, 'published'], problem);
    }
    if (s.url !== undefined) {
      const problem = urlProblem(s.url);
      if (problem) say(['sources', i, 'url'], problem);
    }
  });

  let aliasCount = 0;
  let steps = 0;
  pack.topics.forEach((t, i) => {
    aliasCount += t.aliases.length;
    t.aliases.forEach((alias, k) => {
      const problem = aliasProblem(alias);
      if (problem) say(['topics', i, 'aliases', k], `${problem} (pack "${pack.id}")`);
      const folded = foldString(alias).trim();
      steps += variantSteps(folded, spellingEdits(folded, alias));
    });
    checkTopicRefs(t.related ?? [], ['topics', i, 'related'], 'related topic');
    t.rules?.forEach((r, k) => {
      if (!t.aliases.includes(r.alias)) {
        say(
          ['topics', i, 'rules', k, 'alias'],
          `"${r.alias}" is not one of this topic's aliases (a rule applies to an alias as written in "aliases")`,
        );
      }
    });
  });

  if (aliasCount > LIMITS.aliasesPerPack) {
    say(
      ['topics'],
      `hold ${aliasCount.toLocaleString('en')} aliases in all; Siyaq reads at most ${LIMITS.aliasesPerPack.toLocaleString('en')} per pack (pack "${pack.id}"; split it into several packs)`,
    );
  }
  if (steps > LIMITS.variantSteps) {
    say(
      ['topics'],
      `hold so many long foreign-looking names that their spelling variants would cost ${steps.toLocaleString('en')} steps to prepare; Siyaq allows ${LIMITS.variantSteps.toLocaleString('en')} per pack (pack "${pack.id}"; shorten the aliases, or split the pack)`,
    );
  }

  pack.events.forEach((e, i) => {
    const problem = dateProblem(e.date, e.datePrecision);
    if (problem) say(['events', i, 'date'], problem);
    checkTopicRefs(e.topics, ['events', i, 'topics'], 'topic');
    checkEvidence(e.evidence, ['events', i]);
  });

  questions.forEach((q, i) => {
    checkTopicRefs(q.topics, ['questions', i, 'topics'], 'topic');
    q.answers.forEach((a, k) => {
      const path = ['questions', i, 'answers', k];
      const first = answerAt.get(a.id);
      if (first) say([...path, 'id'], `the answer id "${a.id}" is used twice (first at ${first}); ids must be unique`);
      else answerAt.set(a.id, where(pack, path));
      const problem = dateProblem(a.date, a.datePrecision);
      if (problem) say([...path, 'date'], problem);
      if (a.saidBy.topic !== undefined && !topicIds.has(a.saidBy.topic)) {
        say([...path, 'saidBy', 'topic'], `"${a.saidBy.topic}" is not a topic of this pack`);
      }
      checkEvidence(a.evidence, path);
    });
  });

  walkStrings(pack, [], (value, path) => {
    const markup = MARKUP.exec(value);
    if (markup) {
      const at = markup.index;
      say([...path], `contains markup or script (${JSON.stringify(value.slice(at, at + 20))}); pack text must be plain text`);
    }
  });
  return errors;
}

function uniqueIds(
  items: readonly { id: string }[],
  path: PropertyKey[],
  what: string,
  say: (path: PropertyKey[], text: string) => void,
): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else say([...path, i, 'id'], `the ${what} id "${item.id}" is used twice (first at ${path.join('.')}[${seen}]); ids must be unique`);
  });
  return new Set(first.keys());
}

/**
 * A whole tag (`<b>`, `</p>`, `<img src=x onerror=…>`), a comment or a
 * javascript: address: pack text is shown as plain text and never as HTML, and
 * this keeps text that would be markup anywhere else out of packs. A lone "<"
 * ("a<b", "3 < 5") opens no tag and is plain text.
 */
const MARKUP = /<\/?[A-Za-z][^<>]*>|<!--|javascript:/i;

/** Calls `visit` for every string under `node`; `path` is shared and mutated, so copy it to keep it (large packs hold millions of strings). */
function walkStrings(node: unknown, path: PropertyKey[], visit: (value: string, path: PropertyKey[]) => void): void {
  if (typeof node === 'string') visit(node, path);
  else if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      walkStrings(node[i], path, visit);
      path.pop();
    }
  } else if (node !== null && typeof node === 'object') {
    for (const key in node) {
      path.push(key);
      walkStrings((node as Record<string, unknown>)[key], path, visit);
      path.pop();
    }
  }
}

/**
 * Why a source address may not be shown as a link: only https, and no user
 * part, since `https://aljazeera.net@evil.example/` reads as one site and goes to another.
 */
function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `must be an https:// address, not "${url}"`;
  }
  if (parsed.protocol !== 'https:') return `must be an https:// address, not "${url}"`;
  if (parsed.username || parsed.password || /^[a-z]+:\/*[^/?#]*@/i.test(url)) {
    return `"${url}" has a user part before "@", which makes an address look like another site's; give the plain address`;
  }
  return null;
}

/**
 * Why an alias cannot name a topic: it must keep at least two letters once
 * folded (an alias «و» or «.» would mark every conjunction or nothing), and at
 * most LIMITS.aliasWords words.
 */
function aliasProblem(alias: string): string | null {
  const folded = foldString(alias).trim();
  const letters = folded.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2)
    return `"${alias}" has ${letters === 0 ? 'no letters' : 'one letter'} once spelling marks are set aside; an alias needs at least two`;
  const words = folded.split(' ').length;
  if (words > LIMITS.aliasWords) return `"${alias.slice(0, 40)}…" has ${words} words; an alias has at most ${LIMITS.aliasWords}`;
  return null;
}

const PRECISION_OF_LENGTH: Record<number, DatePrecision> = { 4: 'year', 7: 'month', 10: 'day' };
const FORM: Record<DatePrecision, string> = { year: 'YYYY', month: 'YYYY-MM', day: 'YYYY-MM-DD' };

/** Why `date` is not a real ISO-8601 date of the given precision, or null when it is one. */
export function dateProblem(date: string, precision: DatePrecision): string | null {
  const problem = isoPrefixProblem(date);
  if (problem) return problem;
  const actual = PRECISION_OF_LENGTH[date.length];
  return actual === precision
    ? null
    : `"${date}" is written as ${FORM[actual!]} but datePrecision is "${precision}" (write ${FORM[precision]})`;
}

/** Why `date` is not one of `YYYY`, `YYYY-MM`, `YYYY-MM-DD` naming a real calendar date, or null. */
function isoPrefixProblem(date: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return `"${date}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999
  if (month < 1 || month > 12 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return `"${date}" is not a real calendar date`;
  }
  return null;
}
