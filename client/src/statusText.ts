// The words of the careplan status item, apart from VS Code so they can be tested alone.

import type { DocumentStatus } from '../../shared/protocol';

export type { DocumentStatus };

export interface FindingCounts {
  errors: number;
  warnings: number;
  others: number;
}

const KIND_NAMES: Record<string, string> = { 'care-plan': 'care plan', review: 'review record', supervision: 'supervision record' };

/** The words shown for a state: plain, and never "no findings" for a file careplan does not check. */
export function statusText(status: DocumentStatus, counts: FindingCounts): { text: string; tooltip: string } {
  switch (status.state) {
    case 'off':
      return { text: '$(circle-slash) careplan: off', tooltip: 'careplan checks are turned off (setting careplan.enable).' };
    case 'not-record':
      // A `kind:` careplan nearly recognised (kind: Review) is reported: show that, not "not a record".
      if (counts.errors + counts.warnings + counts.others > 0) {
        return { text: `$(error) careplan: ${countWords(counts)}`, tooltip: 'careplan could not read this file as a record: see the Problems panel.' };
      }
      return {
        text: '$(dash) careplan: not a record',
        tooltip: 'careplan does not check this file: it has no `kind:` naming a care plan, review or supervision record, and no `documents:` pattern in .careplan.yaml matches it.',
      };
    case 'unknown':
      return { text: '$(sync~spin) careplan', tooltip: 'careplan is starting.' };
    case 'record': {
      const what = KIND_NAMES[status.kind ?? ''] ?? 'record';
      const { errors, warnings, others } = counts;
      if (status.checked === false && errors + warnings + others === 0) return { text: '$(sync~spin) careplan: checking', tooltip: `Checking this ${what}.` };
      if (errors + warnings + others === 0) return { text: '$(check) careplan: no findings', tooltip: `This ${what} was checked: nothing to fix.` };
      return { text: `${errors ? '$(error)' : '$(warning)'} careplan: ${countWords(counts)}`, tooltip: `Findings in this ${what}: click to open the Problems panel.` };
    }
  }
}

function countWords({ errors, warnings, others }: FindingCounts): string {
  return [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning'), others && plural(others, 'note')].filter(Boolean).join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
