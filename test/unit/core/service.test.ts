import { strict as assert } from 'node:assert';
import { applyConfig, createCarePlanService, defaultConfig } from '../../../server/src/service';
import type { ServiceDocument, WorkspaceHost } from '../../../server/src/service';
import { REVIEW, URI, at, indexWith } from '../features/fixture';

const CONFIG = applyConfig(defaultConfig(), { today: '2025-11-01' });
const PEP = 'file:///ws/education/pep-2025-01.md';

/** A host whose folders and links are a map: `outside` names files whose links lead out of the workspace. */
function hostWith(options: { files?: string[]; folders?: Record<string, string[]>; outside?: string[] } = {}): WorkspaceHost & { listed: string[] } {
  const files = new Set(options.files ?? []);
  const listed: string[] = [];
  return {
    roots: ['file:///ws/'],
    listed,
    fileExists: async (uri) => files.has(uri),
    listDirectory: async (folder) => {
      listed.push(folder);
      return (options.folders?.[folder] ?? []).map((name) => ({ name: name.replace(/\/$/, ''), isDirectory: name.endsWith('/') }));
    },
    leadsInside: async (uri) => !(options.outside ?? []).includes(uri),
  };
}

function serviceOver(host: WorkspaceHost) {
  const service = createCarePlanService({ host, ruleDocUrl: (id) => `file:///docs/rules/${id}.md` });
  for (const d of indexWith().all()) service.index.put(d);
  const doc = (text: string): ServiceDocument => ({ uri: URI, parsed: service.parse(URI, text), config: CONFIG });
  return { service, doc };
}

describe('core: createCarePlanService', () => {
  it('completes `path:` by listing folders through its host, inside the roots only', async () => {
    const host = hostWith({ folders: { 'file:///ws/': ['education/', 'notes.md'] } });
    const { service, doc } = serviceOver(host);
    const text = REVIEW.replace('path: ../education/pep-2025-01.md', 'path: ../edu');
    const items = await service.completions(doc(text), at(text, 'path: ../edu', 12));
    assert.deepEqual(host.listed, ['file:///ws/']);
    assert.deepEqual(items.map((i) => i.textEdit.newText).sort(), ['../education/', '../notes.md']);
    const out = REVIEW.replace('path: ../education/pep-2025-01.md', 'path: ../../../etc/');
    assert.deepEqual(await service.completions(doc(out), at(out, 'path: ../../../etc/', 19)), []);
    assert.deepEqual(host.listed, ['file:///ws/'], 'nothing outside the workspace is listed');
  });

  it('checks with the engine it holds, and answers hover, symbols and inlay hints from the same parse', async () => {
    const { service, doc } = serviceOver(hostWith());
    const result = await service.check({ uri: URI, text: REVIEW }, CONFIG);
    assert.equal(result.kind, 'review');
    assert.ok(result.findings.some((f) => f.ruleId === 'action-timescale'), 'the vague timescale is found');
    const d = doc(REVIEW);
    assert.match(service.hover(d, at(REVIEW, 'next_review_due', 2))!.contents.value, /Next review due/);
    assert.ok(service.symbols(d).some((s) => s.name === 'actions'));
    assert.ok(service.inlayHints(d).length > 0, 'the bounded timescale shows its date');
  });

  it("offers a finding's fixes, but never one that creates a file where a link leads outside", async () => {
    const inside = serviceOver(hostWith());
    const finding = (await inside.service.check({ uri: URI, text: REVIEW }, CONFIG)).findings.find((f) => f.ruleId === 'reference-missing');
    assert.ok(finding, 'the PEP file is missing');
    const offered = await inside.service.fixes(inside.doc(REVIEW), finding);
    assert.equal(offered.find((f) => f.createFile)?.createFile?.uri, PEP);
    assert.ok(offered.some((f) => f.command?.arguments?.[0] === 'file:///docs/rules/reference-missing.md'));
    const outside = serviceOver(hostWith({ outside: [PEP] }));
    const kept = await outside.service.fixes(outside.doc(REVIEW), finding);
    assert.ok(!kept.some((f) => f.createFile), 'no file is created through a link leading out');
    assert.equal(kept.length, offered.length - 1);
  });

  it('links and definitions of `path:` lead nowhere when the file leads outside the workspace', async () => {
    const text = REVIEW;
    const pathAt = at(text, 'path: ../education', 8);
    const inside = serviceOver(hostWith({ files: [PEP] }));
    assert.equal((await inside.service.definition(inside.doc(text), pathAt))?.uri, PEP);
    assert.ok((await inside.service.links(inside.doc(text))).some((l) => l.target === PEP));
    const outside = serviceOver(hostWith({ files: [PEP], outside: [PEP] }));
    assert.equal(await outside.service.definition(outside.doc(text), pathAt), undefined);
    assert.ok(!(await outside.service.links(outside.doc(text))).some((l) => l.target === PEP));
  });

  it('fixAll makes the safe fixes and returns the check of the text it returns', async () => {
    const { service } = serviceOver(hostWith());
    const text = REVIEW.replace('kind: review', 'kind: Review');
    const kindFinding = (findings: readonly { ruleId: string; message: string }[]) => findings.some((f) => f.ruleId === 'schema' && /'Review'/.test(f.message));
    assert.ok(kindFinding((await service.check({ uri: URI, text }, CONFIG)).findings), 'kind: Review is a finding');
    const fixed = await service.fixAll({ uri: URI, text }, CONFIG);
    assert.ok(fixed.fixed >= 1);
    assert.match(fixed.text, /^kind: review\n/);
    assert.equal(fixed.text.split('\n').length, text.split('\n').length, 'every other line is kept');
    assert.ok(!kindFinding(fixed.last.findings), 'the last check is of the fixed text');
  });
});
