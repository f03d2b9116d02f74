import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * Issue 9 asks that the prose code stay reviewable: no file in prose/ over about 400 lines and no
 * function over about 60. Measured with the TypeScript parser, so a long arrow function counts too.
 */
const PROSE = path.join(__dirname, '../../../server/src/service/prose');
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 60;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

const isFunction = (n: ts.Node) => ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isConstructorDeclaration(n);

describe('prose code stays reviewable (issue 9)', () => {
  const files = sources(PROSE);

  it('finds the prose sources', () => assert.ok(files.length > 20, `only ${files.length} files under ${PROSE}`));

  it(`no file is over ${MAX_FILE_LINES} lines`, () => {
    const long = files.map((f) => [path.relative(PROSE, f), fs.readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > MAX_FILE_LINES);
    assert.deepEqual(long, []);
  });

  // a "\b" written through a tool that reads it as a backspace once left a regex's word lists dead
  it('no source file holds a control character (a backspace where \\b was meant)', () => {
    const bad = sources(path.join(PROSE, '..', '..')).filter((f) => /[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(bad.map((f) => path.relative(PROSE, f)), []);
  });

  it(`no function is over ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const f of files) {
      const src = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        if (isFunction(n)) {
          const lines = src.getLineAndCharacterOfPosition(n.getEnd()).line - src.getLineAndCharacterOfPosition(n.getStart()).line + 1;
          const name = (n as ts.FunctionDeclaration).name?.getText(src) ?? '(anonymous)';
          if (lines > MAX_FUNCTION_LINES) long.push(`${path.relative(PROSE, f)} ${name}: ${lines} lines`);
        }
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
    assert.deepEqual(long, []);
  });
});
