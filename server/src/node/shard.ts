/**
 * `--shard i/n`: one of n CI jobs checks the i-th part of the records. Every job lists and indexes
 * the whole workspace (so checks across records see every record) and checks only its part.
 * Parts are balanced by size: the largest files first, each to the part with the fewest bytes so
 * far (ties to the lower part, then path order), so the same checkout gives every job the same
 * split, and n jobs finish at about the same time.
 */

/** The part of the records a run checks: `index` of `count`, counted from 1 as CI matrices count. */
export interface Shard {
  index: number;
  count: number;
}

/** The files of one part, in their given order. `sizeOf` is a file's size in characters. */
export function filesOfShard(files: readonly string[], sizeOf: (file: string) => number, shard: Shard): string[] {
  if (shard.count <= 1) return [...files];
  const bySize = files.map((file) => ({ file, size: sizeOf(file) })).sort((a, b) => b.size - a.size || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const loads = new Array<number>(shard.count).fill(0);
  const mine = new Set<string>();
  for (const { file, size } of bySize) {
    let part = 0;
    for (let p = 1; p < loads.length; p++) if (loads[p] < loads[part]) part = p;
    loads[part] += Math.max(size, 1);
    if (part === shard.index - 1) mine.add(file);
  }
  return files.filter((f) => mine.has(f));
}

/** Findings about paths that are not checked (outside the root, unreadable) are the first part's to report. */
export function reportsSkipped(shard: Shard | undefined): boolean {
  return !shard || shard.index === 1;
}
