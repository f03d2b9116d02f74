/** The known word nearest to a misspelt one, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return nearest(word, candidates).best;
}

/** The nearest known word only when no other is as near: safe to apply without asking. */
export function closestUnique(word: string, candidates: readonly string[]): string | undefined {
  const { best, tied } = nearest(word, candidates);
  return tied ? undefined : best;
}

function nearest(word: string, candidates: readonly string[]): { best?: string; tied: boolean } {
  let best: string | undefined;
  let tied = false;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: skip the work (a pasted paragraph).
    if (Math.abs(word.length - c.length) > bestD) continue;
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestD) {
      best = c;
      bestD = d;
      tied = false;
    } else if (d === bestD && best !== undefined) {
      tied = true;
    }
  }
  return { best, tied };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
