/** A worker of the pool (pool.ts): checks the runs of files it is sent, with the index it started with. */
import { parentPort, workerData } from 'node:worker_threads';
import { nodeDiskCallsSync, Disk } from './disk';
import { createChecker, type CheckedFile, type FileTask } from './checkFile';
import type { WorkerInit, WorkerReply, WorkerRequest } from './pool';

// V8's code cache, where the Node version has it (22.1 on): a worker loads careplan again.
(require('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();

import { holdYoungGeneration } from './heapGrowth';

const init = workerData as WorkerInit;
// a worker's start undid the main thread's young-generation setting (heapGrowth.ts): said again
if (init.holdYoungGeneration) holdYoungGeneration();
const disk = new Disk([init.givenRoot], nodeDiskCallsSync, init.configFile ? [init.configFile] : []);
const checker = createChecker(disk, init.root);
for (const entry of init.entries) checker.engine.index.put(entry);

const configs: FileTask['config'][] = [];

parentPort?.on('message', async ({ id, tasks, configs: more }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (more) configs.push(...more);
    const results: CheckedFile[] = [];
    for (let i = 0; i < tasks.length; i++) {
      const { file, config, kindHint } = tasks[i];
      results.push(await checker.check({ file, config: configs[config], kindHint }));
    }
    reply = { id, results };
  } catch (err) {
    reply = { id, error: (err as Error)?.stack ?? String(err) };
  }
  parentPort?.postMessage(reply);
});
