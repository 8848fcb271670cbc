import { describe, expect, it } from 'vitest';
import { syntheticPack } from '../fixtures/synthetic-pack';
import { MAX_PACK_BYTES, dateProblem, validatePack } from '../../lib/corpus/validate';
import type { CorpusPack } from '../../lib/corpus/types';
import { edited, event, pack } from './db-fixtures';

function errorsOf(input: unknown): string[] {
  const result = validatePack(input);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}

describe('validatePack: accepted packs', () => {
  it('accepts a valid pack given as an object or as JSON text, unchanged', () => {
    const p = pack();
    expect(validatePack(p)).toEqual({ ok: true, pack: p });
    expect(validatePack(JSON.stringify(p))).toEqual({ ok: true, pack: p });
  });

  it('drops fields it does not know, so newer packs still load', () => {
    const result = validatePack({ ...pack(), claims: [{ id: 'c' }] });
    expect(result.ok && 'claims' in result.pack).toBe(false);
    expect(result.ok).toBe(true);
  });

  it('accepts a leap day and plain text with a "<" that opens no tag', () => {
    const p = edited((x) => {
      x.events.push(event('leap', '2024-02-29', ['isis']));
      x.events[0]!.summary.en = 'fewer than 3 < 5 bases, <3';
    });
    expect(validatePack(p).ok).toBe(true);
  });
});

describe('validatePack: text that is not a pack', () => {
  it('says where the JSON breaks', () => {
    const [error] = errorsOf('{\n  "format": "siyaq-corpus",\n  "id": 1,\n}');
    expect(error).toMatch(/^The pack is not valid JSON: .* \(line 4, column 1\)\.$/);
    expect(errorsOf('{\n  "id": oops\n}')[0]).toMatch(/^The pack is not valid JSON: .*oops/s);
  });

  it('refuses JSON that is not an object, or not a Siyaq pack, in one line', () => {
    expect(errorsOf('[1, 2]')).toEqual(['The pack must be a JSON object ({ "format": "siyaq-corpus", ... }).']);
    expect(errorsOf({ format: 'something-else', topics: 1 })).toEqual([
      'This is not a Siyaq corpus pack: the field "format" must be "siyaq-corpus".',
    ]);
  });

  it('refuses more than 20 MB of text before parsing it', () => {
    const fifty = '{"format":"siyaq-corpus","pad":"' + 'x'.repeat(50 * 1024 * 1024) + '"}';
    expect(errorsOf(fifty)).toEqual([expect.stringMatching(/^The pack is larger than 20 MB .*Split it/)]);
    // Under the limit in characters, over it in UTF-8 bytes (Arabic letters take two).
    const arabic = '"' + 'س'.repeat(MAX_PACK_BYTES / 2 + 10) + '"';
    expect(arabic.length).toBeLessThan(MAX_PACK_BYTES);
    expect(errorsOf(arabic)[0]).toMatch(/larger than 20 MB/);
  });
});

describe('validatePack: fields', () => {
  it('names the item by index and id, the field, and the reason', () => {
    const errors = errorsOf(
      edited((x) => {
        delete (x.events[2] as Partial<CorpusPack['events'][number]>).status;
        (x.events[3] as { datePrecision: string }).datePrecision = 'week';
        x.topics[1]!.aliases = [];
        (x.topics[0] as { label: unknown }).label = 'السوداني';
        x.events[4]!.evidence = [];
        x.events[5]!.title.ar = '  ';
        (x as { version: number }).version = 1.5;
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        'version: should be a whole number, not a number',
        'topics[0] (id "sudani") › label: should be an object ({ ... }), not the text "السوداني"',
        'topics[1] (id "isis") › aliases: needs at least 1 item',
        'events[2] (id "e2022") › status: is missing',
        'events[3] (id "e2024a") › datePrecision: must be "day" or "month" or "year", not "week"',
        'events[4] (id "e2024b") › evidence: needs at least 1 item',
        'events[5] (id "e2025") › title › ar: must not be empty',
      ]),
    );
    expect(errors).toHaveLength(7);
  });

  it('refuses ids that would not survive a URL or an attribute', () => {
    const errors = errorsOf(edited((x) => (x.topics[2]!.id = 'عين الأسد')));
    expect(errors).toEqual([expect.stringMatching(/^topics\[2\] \(id "عين الأسد"\) › id: must be 1 to 128 letters, digits/)]);
  });
});

describe('validatePack: across the pack', () => {
  it('finds every duplicate id, saying where the first one is', () => {
    const errors = errorsOf(
      edited((x) => {
        x.topics.push({ ...x.topics[1]! });
        x.events.push(event('e2014', '2015', ['isis']));
        x.sources.push({ ...x.sources[0]! });
        x.questions!.push({ ...x.questions![0]!, answers: [{ ...x.questions![0]!.answers[0]! }] });
      }),
    );
    expect(errors).toEqual([
      'topics[3] (id "isis") › id: the topic id "isis" is used twice (first at topics[1]); ids must be unique',
      'events[7] (id "e2014") › id: the event id "e2014" is used twice (first at events[0]); ids must be unique',
      'sources[2] (id "s1") › id: the source id "s1" is used twice (first at sources[0]); ids must be unique',
      'questions[1] (id "q-end") › id: the question id "q-end" is used twice (first at questions[0]); ids must be unique',
      'questions[1] (id "q-end") › answers[0] (id "a1") › id: the answer id "a1" is used twice (first at questions[0] (id "q-end") › answers[0] (id "a1")); ids must be unique',
    ]);
  });

  it('refuses references to topics and sources the pack does not have', () => {
    const errors = errorsOf(
      edited((x) => {
        x.events[1]!.topics.push('maliki');
        x.events[1]!.evidence[0]!.source = 's9';
        x.topics[0]!.related = ['isis', 'nowhere'];
        x.topics[0]!.rules = [{ alias: 'سوداني', notAfter: ['الجيش'] }];
        x.questions![0]!.topics = ['ghost'];
        x.questions![0]!.answers[0]!.saidBy.topic = 'nobody';
      }),
    );
    expect(errors).toEqual([
      'topics[0] (id "sudani") › related[1]: related topic "nowhere" is not a topic of this pack',
      `topics[0] (id "sudani") › rules[0] › alias: "سوداني" is not one of this topic's aliases (a rule applies to an alias as written in "aliases")`,
      'events[1] (id "e2019") › topics[1]: topic "maliki" is not a topic of this pack',
      'events[1] (id "e2019") › evidence[0] › source: no source has the id "s9"',
      'questions[0] (id "q-end") › topics[0]: topic "ghost" is not a topic of this pack',
      'questions[0] (id "q-end") › answers[0] (id "a1") › saidBy › topic: "nobody" is not a topic of this pack',
    ]);
  });

  it('checks each date against its precision and the calendar', () => {
    const errors = errorsOf(
      edited((x) => {
        x.events[0]!.date = '2014-06';
        x.events[1]!.date = '2019-13';
        x.events[2]!.date = '2023-02-29';
        x.events[3]!.date = '24-01-05';
        x.sources[0]!.published = '2024-9';
        x.questions![0]!.answers[0]!.date = '2024-09-01';
      }),
    );
    expect(errors).toEqual([
      'sources[0] (id "s1") › published: "2024-9" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
      'events[0] (id "e2014") › date: "2014-06" is written as YYYY-MM but datePrecision is "year" (write YYYY)',
      'events[1] (id "e2019") › date: "2019-13" is not a real calendar date',
      'events[2] (id "e2022") › date: "2023-02-29" is not a real calendar date',
      'events[3] (id "e2024a") › date: "24-01-05" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD',
      'questions[0] (id "q-end") › answers[0] (id "a1") › date: "2024-09-01" is written as YYYY-MM-DD but datePrecision is "month" (write YYYY-MM)',
    ]);
    expect(dateProblem('2024-02-30', 'day')).toMatch(/not a real calendar date/);
    expect(dateProblem('2024-02', 'month')).toBeNull();
  });

  it('refuses markup and script in any text field, naming the field', () => {
    const errors = errorsOf(
      edited((x) => {
        x.events[2]!.summary.ar = 'نص <script>alert(1)</script>';
        x.topics[1]!.description.en = 'a </p> tag';
        x.events[0]!.evidence[0]!.quote = 'x <!-- y -->';
        x.title.en = 'Click JavaScript:void(0)';
      }),
    );
    expect(errors).toEqual([
      'title › en: contains markup or script ("JavaScript:void(0)"); pack text must be plain text',
      'topics[1] (id "isis") › description › en: contains markup or script ("</p> tag"); pack text must be plain text',
      'events[0] (id "e2014") › evidence[0] › quote: contains markup or script ("<!-- y -->"); pack text must be plain text',
      'events[2] (id "e2022") › summary › ar: contains markup or script ("<script>alert(1)</sc"); pack text must be plain text',
    ]);
  });

  it('accepts only https addresses', () => {
    const errors = errorsOf(
      edited((x) => {
        x.sources[0]!.url = 'http://www.aljazeera.net/news/1';
        x.sources[1]!.url = 'not a url';
      }),
    );
    expect(errors).toEqual([
      'sources[0] (id "s1") › url: must be an https:// address, not "http://www.aljazeera.net/news/1"',
      'sources[1] (id "s2") › url: must be an https:// address, not "not a url"',
    ]);
  });

  it('stops listing after a hundred problems', () => {
    const errors = errorsOf(edited((x) => x.events.forEach((e) => (e.topics = Array.from({ length: 30 }, (_, i) => `t${i}`)))));
    expect(errors).toHaveLength(101);
    expect(errors[100]).toBe('… and 110 more problems.');
  });
});

describe('syntheticPack', () => {
  it('makes a valid pack of the size asked, the same for the same seed', () => {
    const p = syntheticPack({ topics: 2000, events: 8000, seed: 5 });
    expect(validatePack(p)).toEqual({ ok: true, pack: p });
    expect([p.topics.length, p.events.length, p.sources.length]).toEqual([2000, 8000, 80]);
    expect(JSON.stringify(syntheticPack({ topics: 2000, events: 8000, seed: 5 }))).toBe(JSON.stringify(p));
    expect(JSON.stringify(syntheticPack({ topics: 2000, events: 8000, seed: 6 }))).not.toBe(JSON.stringify(p));
  });

  it('gives Arabic aliases that no two topics share, some guarded by rules', () => {
    const p = syntheticPack({ topics: 2000, events: 10, seed: 5 });
    const aliases = p.topics.flatMap((t) => t.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(aliases.every((a) => /^[\u0621-\u064A ]+$/.test(a))).toBe(true);
    expect(p.topics.filter((t) => t.rules).length).toBeGreaterThan(50);
  });
});
