/** The careplan core: pure, no file system, editor or LSP. Adapters feed it through WorkspaceHost. */
export * from './types';
export { createEngine } from './engine';
export type { Engine, CheckInput, CheckResult, CancellationSignal } from './engine';
export type { WorkspaceHost } from './host';
export { createMemoryHost } from './host';
export { DocumentIndex, scanDocument } from './documentIndex';
export type { IndexedDocument } from './documentIndex';
export { defaultConfig, applyConfig } from './config';
export type { RawConfig, RawOverride, ResolvedConfig, RuleSetting } from './config';
export { PRESET_PREFIX, PRESETS, preset } from './presets';
export { parseConfigText } from './configFile';
export { RULES, RULE_INFO, SCHEMA_RULE_ID, SYNTAX_RULE_ID } from './rules';
export type { RuleInfo, Rule, RuleContext, RuleReport } from './rules';
export { parseCarePlanDocument } from './parse';
export type { ParsedDocument } from './parse';
export { locate, findNode, toPointer, fromPointer } from './locate';
export { readSuppressions, suppressWithReport, DISABLE_RULE_ID } from './suppress';
export { todayIso } from './clock';
