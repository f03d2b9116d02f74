import * as path from 'node:path';
import type { StreamingFormatter } from './types';
import { visibleControls } from './plainText';

// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

function escapeData(s: string): string {
  return visibleControls(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: StreamingFormatter = (ctx) => ({
  add(r) {
    const file = path.relative(ctx.cwd, r.filePath).split(path.sep).join('/');
    let text = '';
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(`careplan (${f.ruleId})`)}`,
      ];
      text += `::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
    }
    return text;
  },
  end: () => '',
});
