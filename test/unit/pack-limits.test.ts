/**
 * Packs built to stall the background (issue 10): each is refused at
 * validation, with a message that names the pack, the topic and the field.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../lib/corpus/schema';
import { validatePack } from '../../lib/corpus/validate';
import { MAX_VARIANT_STEPS, spellingEdits, variantSteps } from '../../lib/detect/variants';
import type { CorpusPack } from '../../lib/corpus/types';
import { edited, event } from './db-fixtures';

function errorsOf(p: CorpusPack): string[] {
  const result = validatePack(JSON.stringify(p));
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}

describe('pack limits: hostile packs are refused, naming pack, topic and field', () => {
  it('an alias of 3,000 letters (spelling variants cost the square of its length)', () => {
    const errors = errorsOf(edited((p) => p.topics[0]!.aliases.push('ب'.repeat(3000))));
    expect(errors).toEqual([
      `topics[0] (id "sudani") › aliases[2]: is 3,000 characters long; Siyaq reads at most ${LIMITS.aliasChars} here, so that no pack can stall the pages it marks (pack "iraq-coalition")`,
    ]);
  });

  it('a cue window of 1e9 characters', () => {
    const errors = errorsOf(
      edited((p) => {
        p.topics[1]!.rules = [{ alias: p.topics[1]!.aliases[0]!, requireCue: ['في'], window: 1e9 }];
      }),
    );
    expect(errors).toEqual([`topics[1] (id "isis") › rules[0] › window: is 1000000000; it must be at most 1,000 (pack "iraq-coalition")`]);
  });

  it('300 nested aliases «بب», «بب بب», …', () => {
    const nested = Array.from({ length: 300 }, (_, i) => Array.from({ length: i + 1 }, () => 'بب').join(' '));
    const errors = errorsOf(edited((p) => (p.topics[2]!.aliases = nested)));
    expect(errors[0]).toBe(
      `topics[2] (id "ain-al-asad") › aliases: has 300 items; Siyaq reads at most ${LIMITS.aliasesPerTopic} here (split the pack, or keep the few that matter) (pack "iraq-coalition")`,
    );
    // Fewer of them, each still too many words.
    const wordy = errorsOf(edited((p) => (p.topics[2]!.aliases = nested.slice(5, 7))));
    expect(wordy).toEqual([
      `topics[2] (id "ain-al-asad") › aliases[1]: "بب بب بب بب بب بب بب…" has 7 words; an alias has at most ${LIMITS.aliasWords} (pack "iraq-coalition")`,
    ]);
  });

  it('more aliases in all than a pack may hold', () => {
    const errors = errorsOf(
      edited((p) => {
        const many = Array.from({ length: 650 }, (_, i) => ({
          ...p.topics[0]!,
          rules: undefined,
          id: `t${i}`,
          aliases: Array.from({ length: 31 }, (_, k) => `اسم${i}ب${k}`),
        }));
        p.topics.push(...many);
      }),
    );
    expect(errors).toEqual([
      `topics: hold 20,155 aliases in all; Siyaq reads at most 20,000 per pack (pack "iraq-coalition"; split it into several packs)`,
    ]);
  });

  it('a field of a megabyte (each popup keystroke searched it)', () => {
    const errors = errorsOf(edited((p) => (p.events[0]!.summary.ar = 'س'.repeat(1 << 20))));
    expect(errors).toEqual([
      `events[0] (id "e2014") › summary › ar: is 1,048,576 characters long; Siyaq reads at most ${LIMITS.longText.toLocaleString('en')} here, so that no pack can stall the pages it marks (pack "iraq-coalition")`,
    ]);
  });

  it('aliases that fold to one letter or none («و», «.», a lone mark)', () => {
    const errors = errorsOf(edited((p) => p.topics[1]!.aliases.push('و', '.', 'ـًـ')));
    expect(errors).toEqual([
      'topics[1] (id "isis") › aliases[2]: "و" has one letter once spelling marks are set aside; an alias needs at least two (pack "iraq-coalition")',
      'topics[1] (id "isis") › aliases[3]: "." has no letters once spelling marks are set aside; an alias needs at least two (pack "iraq-coalition")',
      'topics[1] (id "isis") › aliases[4]: "ـًـ" has no letters once spelling marks are set aside; an alias needs at least two (pack "iraq-coalition")',
    ]);
  });

  it('a source link with a user part that makes it look like another site', () => {
    const errors = errorsOf(edited((p) => (p.sources[0]!.url = 'https://aljazeera.net@evil.example/')));
    expect(errors).toEqual([
      'sources[0] (id "s1") › url: "https://aljazeera.net@evil.example/" has a user part before "@", which makes an address look like another site\'s; give the plain address',
    ]);
  });
});

describe('pack limits: what stays allowed', () => {
  it('"a<b" and "3 < 5" are plain text, not markup; a whole tag still is', () => {
    expect(validatePack(edited((p) => (p.events[0]!.summary.en = 'a<b, and 3 < 5 > 2'))).ok).toBe(true);
    expect(errorsOf(edited((p) => (p.events[0]!.summary.en = 'a <img src=x onerror=alert(1)> b')))).toEqual([
      'events[0] (id "e2014") › summary › en: contains markup or script ("<img src=x onerror=a"); pack text must be plain text',
    ]);
  });

  it('a two-letter alias and every limit met exactly', () => {
    const p = edited((x) => {
      x.topics[1]!.aliases = [
        'قس',
        'ب'.repeat(LIMITS.aliasChars),
        ...Array.from({ length: LIMITS.aliasesPerTopic - 2 }, (_, i) => `داعش${'ا'.repeat(i)}`),
      ];
      x.topics[1]!.rules = [{ alias: 'قس', requireCue: ['كنيسة'], window: LIMITS.ruleWindow }];
      x.events.push(event('long', '2024', ['isis']));
      x.events.at(-1)!.summary.ar = 'س'.repeat(LIMITS.longText);
    });
    expect(validatePack(p)).toEqual({ ok: true, pack: p });
  });
});

describe('spelling variants stay bounded', () => {
  it('a word too long to be a transliterated name gets none; no alias costs more than MAX_VARIANT_STEPS', () => {
    // Today a 3,000-letter word gets about 4,500 edits, each walking the rest of the word.
    expect(spellingEdits('بتك'.repeat(1000))).toEqual([]);
    expect(spellingEdits('بتكبتكبتكبتكبتك')).not.toEqual([]);
    const six = Array.from({ length: 6 }, () => 'بتكبتكبتكبتك').join(' ');
    const edits = spellingEdits(six);
    expect(variantSteps(six, edits)).toBeLessThanOrEqual(MAX_VARIANT_STEPS);
    expect(variantSteps(six, edits)).toBeGreaterThan(MAX_VARIANT_STEPS - six.length);
  });

  it('a pack of thousands of long foreign-looking names is refused before it is compiled (4,000 took 12.8 s)', () => {
    const letters = [...'بتثجحخدذرزسشصضطظعغفقكلمنه'];
    const word = (n: number) => Array.from({ length: 15 }, (_, i) => letters[(n * 7 + i * ((n % 5) + 1)) % letters.length]).join('');
    const errors = errorsOf(
      edited((p) => {
        p.topics.push(
          ...Array.from({ length: 1000 }, (_, i) => ({
            ...p.topics[2]!,
            id: `f${i}`,
            aliases: [0, 1].map((k) => [1, 2, 3, 4].map((w) => word(i * 8 + k * 4 + w)).join(' ')),
          })),
        );
      }),
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^topics: hold so many long foreign-looking names that their spelling variants would cost [\d,]+ steps to prepare; Siyaq allows 400,000 per pack \(pack "iraq-coalition"; shorten the aliases, or split the pack\)$/,
      ),
    ]);
  });
});
