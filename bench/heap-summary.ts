/**
 * The JS heap of a page through the Chrome DevTools Protocol: its size after a forced garbage
 * collection, and a heap snapshot summarised by constructor (what DevTools' Summary view shows:
 * count and self size per constructor), to see which part grows between two points of a run.
 */
import type { CDPSession } from 'playwright-core';

const MB = 1024 * 1024;

export interface HeapUsage {
  /** V8 heap in use after a full collection, MB (2^20 bytes). */
  usedMB: number;
  /** ArrayBuffer backing stores outside the V8 heap (typed arrays), MB, when Chromium reports it. */
  backingMB?: number;
}

/** Collects garbage (twice, so that finalised objects go too) and reads the heap's size. */
export async function heapAfterGc(cdp: CDPSession): Promise<HeapUsage> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  return {
    usedMB: usage.usedSize / MB,
    ...(usage.backingStorageSize !== undefined ? { backingMB: usage.backingStorageSize / MB } : {}),
  };
}

/** Constructor (or kind of heap object) → how many and their self size in bytes. */
export type HeapSummary = Map<string, { count: number; bytes: number }>;

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function summarise(s: Snapshot): HeapSummary {
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const out: HeapSummary = new Map();
  for (let i = 0; i < s.nodes.length; i += stride) {
    const type = types[s.nodes[i + typeAt]!]!;
    const name = s.strings[s.nodes[i + nameAt]!] ?? '?';
    const key =
      type === 'object' || type === 'native'
        ? name
        : type === 'closure'
          ? `${name || '(anonymous)'}()`
          : /string/.test(type)
            ? '(string)'
            : type === 'array' || type === 'hidden' || type === 'object shape'
              ? `(${type}) ${name}`
              : `(${type})`;
    const entry = out.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += s.nodes[i + sizeAt]!;
    out.set(key, entry);
  }
  return out;
}

/** Takes a heap snapshot of the page (it collects garbage first) and summarises it. */
export async function heapSummary(cdp: CDPSession): Promise<HeapSummary> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.disable').catch(() => {});
  }
  return summarise(JSON.parse(chunks.join('')) as Snapshot);
}

/** The constructors whose self size grew most from `before` to `after`, largest first. */
export function heapGrowth(
  before: HeapSummary,
  after: HeapSummary,
  limit = 10,
): { what: string; count: number; bytes: number }[] {
  return [...after]
    .map(([what, a]) => {
      const b = before.get(what) ?? { count: 0, bytes: 0 };
      return { what, count: a.count - b.count, bytes: a.bytes - b.bytes };
    })
    .sort((p, q) => q.bytes - p.bytes)
    .slice(0, limit);
}
