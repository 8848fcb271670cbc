/**
 * Compiles the corpus's aliases into one trie of folded forms, with each
 * alias's context rules and generated spelling variants.
 */
import type { MatcherTopic } from '../messages';
import { foldString } from '../arabic/normalize';
import { endsOrdinaryWord, isNameHead } from './lexicon';
import { type CompiledRule, RuleBook, looksLikeNisba } from './rules';
import { Trie } from './trie';
import { articleEdits, spellingEdits } from './variants';

export interface AliasEntry {
  /** Index into Matcher.topicIds. */
  topic: number;
  /** The alias as the corpus writes it (reported as Mention.alias). */
  alias: string;
  folded: string;
  /** Every rule the corpus gives for this alias; a mention must pass them all. */
  rules: CompiledRule[];
  /** Needs a cue (or another, unambiguous mention of its topic) to count. */
  needsCue: boolean;
  /** An «ال…ي» word: subject to the adjective guard. */
  nisba: boolean;
  /** More than one word: must not run across a line or block break. */
  multiWord: boolean;
  /**
   * A one-word alias that ends a longer alias of its topic (الأسد of بشار
   * الأسد, ماكفارلين of ماثيو ماكفارلين): a surname others may share.
   */
  surname: boolean;
  /** Some ordinary word ends with it (بحماس, رسول): its forms are checked against the lexicon. */
  ordinary: boolean;
}

export interface Matcher {
  readonly topicIds: readonly string[];
  /**
   * The folded words of the aliases (its own given names, titles and
   * surnames) of each topic that has a surname alias: only those are asked.
   */
  readonly topicWords: ReadonlyMap<number, ReadonlySet<string>>;
  readonly aliases: readonly AliasEntry[];
  readonly trie: Trie;
  readonly rules: RuleBook;
}

export function compileMatcher(topics: MatcherTopic[]): Matcher {
  const rules = new RuleBook();
  const aliases: AliasEntry[] = [];
  const byTopicAlias = new Map<string, AliasEntry>();

  const entryFor = (topic: number, alias: string): AliasEntry | null => {
    const folded = foldString(alias).trim();
    if (folded === '') return null;
    const key = `${topic} ${folded}`;
    let entry = byTopicAlias.get(key);
    if (entry === undefined) {
      entry = {
        topic,
        alias,
        folded,
        rules: [],
        needsCue: false,
        nisba: looksLikeNisba(folded),
        multiWord: folded.includes(' '),
        surname: false,
        ordinary: endsOrdinaryWord(folded),
      };
      byTopicAlias.set(key, entry);
      aliases.push(entry);
    }
    return entry;
  };

  topics.forEach((t, topic) => {
    for (const alias of t.aliases) entryFor(topic, alias);
    // A rule for an alias the topic does not list still names the topic: the
    // rule's alias joins the list rather than being silently ignored.
    for (const rule of t.rules ?? []) {
      const entry = entryFor(topic, rule.alias);
      if (entry === null) continue;
      const compiled = rules.compile(rule);
      entry.rules.push(compiled);
      if (compiled.cue !== null) entry.needsCue = true;
    }
  });

  // A surname ends a longer alias of its topic that does not open with a generic head.
  const lastWords = new Set<string>();
  for (const o of aliases) {
    const words = o.folded.split(' ');
    if (words.length > 1 && !isNameHead(words[0]!)) lastWords.add(`${o.topic} ${words[words.length - 1]}`);
  }
  const topicWords = new Map<number, Set<string>>();
  for (const entry of aliases) {
    if (!entry.multiWord && !/[a-z]/.test(entry.folded)) entry.surname = lastWords.has(`${entry.topic} ${entry.folded}`);
    if (entry.surname) topicWords.set(entry.topic, new Set());
  }
  for (const entry of aliases) for (const w of entry.folded.split(' ')) topicWords.get(entry.topic)?.add(w);

  // Sized for the aliases and about half of each variant's tail (a variant
  // shares its alias's path up to the edit, and variants share much of the
  // rest). The tables grow by doubling if that is short; sizing them for the
  // worst case instead made them tens of megabytes, and every lookup a cache miss.
  const siblings = new Map<number, string[]>();
  for (const entry of aliases) {
    const list = siblings.get(entry.topic);
    if (list) list.push(entry.folded);
    else siblings.set(entry.topic, [entry.folded]);
  }
  const edits = aliases.map((entry) => [
    ...spellingEdits(entry.folded, entry.alias),
    ...articleEdits(entry.folded, siblings.get(entry.topic)!),
  ]);
  let transitions = 0;
  aliases.forEach((entry, id) => (transitions += entry.folded.length + 1 + (edits[id]!.length * entry.folded.length) / 4));
  const trie = new Trie(Math.ceil(transitions));
  aliases.forEach((entry, id) => trie.add(entry.folded, id));

  // Variants come last, and never where a corpus spelling already ends: no
  // variant shadows a spelling some topic lists.
  const corpusOutputs = trie.outputCount;
  aliases.forEach((entry, id) => {
    if (edits[id]!.length === 0) return;
    const path = trie.statesAlong(entry.folded);
    for (const { at, del, ins } of edits[id]!) {
      const state = trie.extend(trie.extend(path[at]!, ins), entry.folded, at + del);
      if (!trie.hasOutputBefore(state, corpusOutputs)) trie.addOutput(state, id);
    }
  });

  return { topicIds: topics.map((t) => t.id), topicWords, aliases, trie, rules };
}
