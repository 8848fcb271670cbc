/**
 * Which long tasks of a page are the extension's, from a Chromium trace.
 *
 * A long task's own entry (PerformanceObserver 'longtask') says nothing about
 * whose code ran in it, and the Long Animation Frames API leaves content
 * scripts out of its script attribution (checked in Chromium 156: no entry
 * with a chrome-extension:// sourceURL while Siyaq ran for 300 ms). So the test
 * records a trace with the V8 sampling profiler on and, for every top-level
 * task of the page's main thread longer than 50 ms, sums the samples whose
 * stack holds a frame of the extension's content script. Forced style and
 * layout called from that script count as the script's, since the script's
 * frame is on the stack while they run.
 *
 * A long task is attributable to the extension when the extension's code alone
 * held the thread for more than 50 ms in it, or when it would not have been a
 * long task without the extension (its extension time is more than its
 * duration minus 50 ms). A page-load task of 800 ms that ran 1 ms of Siyaq is
 * the page's; a 62 ms task that ran 37 ms of Siyaq is Siyaq's, and so is a
 * 330 ms task that ran 230 ms of it.
 */

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

export const LONG_TASK_MS = 50;

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

export interface AttributedTask {
  /** ms since the page's navigation start. */
  start: number;
  duration: number;
  /** ms of the task during which the extension's code was on the stack. */
  extensionMs: number;
  attributable: boolean;
  /** The extension's functions that held the task longest (the innermost extension frame of each sample), hottest first. */
  hottest: { fn: string; ms: number }[];
}

export interface TraceAttribution {
  tasks: AttributedTask[];
  /** All the extension's sampled time in the page, ms: zero means the trace saw no Siyaq code at all. */
  extensionTotalMs: number;
  /** The longest stretch of extension code without the page getting the thread back, ms. */
  longestExtensionTaskMs: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

export function attributeLongTasks(trace: Buffer | string, pageUrl: string, extensionOrigin: string): TraceAttribution {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const nav = events.find(
    (e) => e.name === 'navigationStart' && (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL === pageUrl,
  );
  if (!nav) throw new Error(`the trace has no navigationStart for ${pageUrl}`);
  const pid = nav.pid;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && (e.args as { name?: string })?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? nav.tid;

  // The sampling profile of the page's renderer: nodes arrive in chunks, samples with time deltas.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid);
  const nodes = new Map<number, ProfileNode>();
  const samples: { t: number; node: number }[] = [];
  if (profile) {
    let t = (profile.args?.data as { startTime: number }).startTime;
    for (const e of events) {
      if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile.id) continue;
      const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const ids = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        t += deltas[i] ?? 0;
        samples.push({ t, node: ids[i]! });
      }
    }
  }
  const extensionNode = new Map<number, boolean>();
  const isExtension = (id: number): boolean => {
    const known = extensionNode.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const verdict =
      !!node && ((node.callFrame.url ?? '').startsWith(extensionOrigin) || (node.parent !== undefined && isExtension(node.parent)));
    extensionNode.set(id, verdict);
    return verdict;
  };
  // The innermost extension frame of a sample: native calls (textContent, a regex) count for the function that made them.
  const extensionFrame = (id: number): string | null => {
    for (let node = nodes.get(id); node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) {
      const { url = '', functionName, lineNumber = 0, columnNumber = 0 } = node.callFrame;
      if (url.startsWith(extensionOrigin))
        return `${functionName || '(anonymous)'} ${url.slice(extensionOrigin.length)}:${lineNumber + 1}:${columnNumber + 1}`;
    }
    return null;
  };
  // Each sample stands for the time until the next one (µs).
  const weighted = samples.map((s, i) => ({
    t: s.t,
    ext: isExtension(s.node),
    fn: isExtension(s.node) ? extensionFrame(s.node) : null,
    w: Math.min((samples[i + 1]?.t ?? s.t) - s.t, 5_000),
  }));
  const extensionTotalMs = weighted.reduce((sum, s) => sum + (s.ext ? s.w : 0), 0) / 1000;

  // Top-level tasks of the main thread (a RunTask nested in another is part of it).
  const runTasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts);
  const topLevel: TraceEvent[] = [];
  let end = -1;
  for (const e of runTasks) {
    if (e.ts < end) continue;
    topLevel.push(e);
    end = e.ts + (e.dur ?? 0);
  }

  let longestExtensionTaskMs = 0;
  const tasks: AttributedTask[] = [];
  let cursor = 0;
  for (const task of topLevel) {
    const from = task.ts;
    const to = task.ts + (task.dur ?? 0);
    while (cursor < weighted.length && weighted[cursor]!.t < from) cursor++;
    let ext = 0;
    const byFunction = new Map<string, number>();
    for (let i = cursor; i < weighted.length && weighted[i]!.t <= to; i++) {
      const { ext: isExt, fn, w } = weighted[i]!;
      if (!isExt) continue;
      ext += w;
      if (fn) byFunction.set(fn, (byFunction.get(fn) ?? 0) + w);
    }
    const extensionMs = ext / 1000;
    longestExtensionTaskMs = Math.max(longestExtensionTaskMs, extensionMs);
    const duration = (task.dur ?? 0) / 1000;
    if (duration <= LONG_TASK_MS) continue;
    tasks.push({
      start: (task.ts - nav.ts) / 1000,
      duration,
      extensionMs,
      attributable: extensionMs > LONG_TASK_MS || extensionMs > duration - LONG_TASK_MS,
      hottest: [...byFunction]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([fn, us]) => ({ fn, ms: us / 1000 })),
    });
  }
  return { tasks, extensionTotalMs, longestExtensionTaskMs };
}

export function formatTasks(tasks: readonly AttributedTask[]): string {
  return tasks
    .map((t) => {
      const line = `  at ${t.start.toFixed(0)} ms: ${t.duration.toFixed(0)} ms task, Siyaq ${t.extensionMs.toFixed(0)} ms${t.attributable ? '  ← Siyaq’s' : ''}`;
      const hot = t.hottest.filter((h) => h.ms >= 1).map((h) => `    ${h.ms.toFixed(0)} ms in ${h.fn}`);
      return [line, ...hot].join('\n');
    })
    .join('\n');
}
