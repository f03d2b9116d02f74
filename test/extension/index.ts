// extensionTestsPath module: VS Code (or code-server) loads it in the extension host and calls
// run(). Mocha with describe/it; each *.ext.ts file is bundled beside this one.
import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.CAREPLAN_EXT_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.ext.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
