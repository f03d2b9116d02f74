import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

describe('the walkthrough', () => {
  const steps: { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[] = pkg.contributes.walkthroughs[0].steps;
  const ours = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));

  it('walks from a new record to the tracker: make, see a flag, fix, open the tracker', () => {
    assert.deepEqual(steps.map((s) => s.id), ['newRecord', 'seeFlag', 'applyFix', 'openTracker']);
  });

  it("each step's page ships in the .vsix, and each careplan command it links or waits for exists", () => {
    const shipped = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    assert.match(shipped, /^!client\/media\/\*\*$/m);
    for (const s of steps) {
      assert.ok(s.media.markdown && fs.existsSync(path.join(REPO, s.media.markdown)), `${s.id}: ${s.media.markdown}`);
      const named = [...s.description.matchAll(/\(command:([\w.]+)\)/g), ...(s.completionEvents ?? []).map((e) => /^onCommand:([\w.]+)$/.exec(e))]
        .flatMap((m) => (m ? [m[1]] : []))
        .filter((c) => c.startsWith('careplan.'));
      for (const c of named) assert.ok(ours.has(c), `${s.id} names ${c}, which the extension does not contribute`);
    }
  });
});
