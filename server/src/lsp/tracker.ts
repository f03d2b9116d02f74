/**
 * `careplan/tracker`: the permanence tracker of the workspace, for the editor's tracker view and
 * its Children tree. Built as `careplan report` builds it, from the records the workspace index
 * holds (open buffers as typed, the rest from disk): each record checked with only the tracker's
 * checks on, its facts read from that same parse. The answer is the report's JSON contract
 * (docs/report.md), records named by URI.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { Engine } from '../service';
import { applyConfig, defaultConfig } from '../service';
import { factsOf, type RecordFacts } from '../service/chronology';
import { buildTracker, groupByChild, onlyTrackerChecks, TRACKER_CHECKS, trackerOptions, type RecordFinding, type Tracker } from '../service/tracker';
import type { DocumentSettings } from './settings';

import { TRACKER_REQUEST } from '../../../shared/protocol';

export interface TrackerDeps {
  readonly engine: Engine;
  /** Settled when the workspace's records have been indexed. */
  readonly ready: Promise<void>;
  settings(uri: string): Promise<DocumentSettings>;
  readText(uri: string): Promise<string | undefined>;
  log(message: string): void;
}

export async function workspaceTracker(deps: TrackerDeps): Promise<Tracker> {
  await deps.ready;
  const facts: RecordFacts[] = [];
  const findings: RecordFinding[] = [];
  let first: DocumentSettings | undefined;
  const only = { rules: onlyTrackerChecks() };
  for (const entry of [...deps.engine.index.all()]) {
    if (!entry.children?.length) continue;
    const text = await deps.readText(entry.uri);
    if (text === undefined) continue;
    const settings = await deps.settings(entry.uri);
    if (!settings.enabled) continue;
    first ??= settings;
    const result = await deps.engine.check({ uri: entry.uri, text, kindHint: settings.kindHint }, applyConfig(settings.config, only));
    const read = result.kind ? factsOf(entry.uri, result.parsed) : undefined;
    if (!read) continue;
    facts.push({ ...read, actions: read.actions.map(({ text: _words, ...a }) => a) });
    for (const f of result.findings) if (TRACKER_CHECKS.includes(f.ruleId)) findings.push({ record: entry.uri, ruleId: f.ruleId, pointer: f.pointer });
  }
  return buildTracker(groupByChild(facts, findings), trackerOptions(first?.config ?? defaultConfig()));
}

/** Answers `careplan/tracker`; a failure is logged and answered with null (the view says it could not be built). */
export function registerTrackerRequest(connection: Connection, deps: TrackerDeps): void {
  connection.onRequest(TRACKER_REQUEST, async () => {
    try {
      return await workspaceTracker(deps);
    } catch (err) {
      deps.log(`careplan: the tracker could not be built: ${(err as Error).stack ?? err}`);
      return null;
    }
  });
}
