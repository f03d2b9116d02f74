import type { Rule } from './rule';
import { actionTimescale } from './actionTimescale';
import { actionOwner } from './actionOwner';
import { actionOverdue } from './actionOverdue';
import { expectationGeneric } from './expectationGeneric';
import { expectationIncomplete } from './expectationIncomplete';
import { referenceMissing } from './referenceMissing';
import { referenceUnlinked } from './referenceUnlinked';
import { duplicateId } from './duplicateId';
import { reviewSchedule } from './reviewSchedule';
import { permanencePlan } from './permanencePlan';
import { reviewSequence } from './reviewSequence';
import { previousActions } from './previousActions';
import { supervisionGap } from './supervisionGap';
import { supervisionReflection } from './supervisionReflection';
import { permanenceDrift } from './permanenceDrift';
import { iroEscalation } from './iroEscalation';
import { childVoice } from './childVoice';
import { templatePlaceholder } from './templatePlaceholder';
import { requiredFields } from './requiredFields';

import { DISABLE_RULE_ID } from '../suppress';

export { DISABLE_RULE_ID };
/** Findings for YAML that cannot be read; reported by the engine itself. */
export const SYNTAX_RULE_ID = 'yaml-syntax';
/** Findings from the JSON Schema of the document's kind; reported by the engine itself. */
export const SCHEMA_RULE_ID = 'schema';

/** Every rule the engine runs, in the order they report. */
export const RULES: readonly Rule[] = [
  actionTimescale,
  actionOwner,
  actionOverdue,
  expectationGeneric,
  expectationIncomplete,
  referenceMissing,
  referenceUnlinked,
  duplicateId,
  reviewSchedule,
  permanencePlan,
  childVoice,
  reviewSequence,
  previousActions,
  supervisionGap,
  supervisionReflection,
  permanenceDrift,
  iroEscalation,
  templatePlaceholder,
  requiredFields,
];

/** The public description of every rule id, including the three the engine reports itself. */
export interface RuleInfo {
  id: string;
  defaultSeverity: string;
  description: string;
}

export const RULE_INFO: readonly RuleInfo[] = [
  { id: SYNTAX_RULE_ID, defaultSeverity: 'error', description: 'YAML that cannot be read: bad indentation, tabs, a field written twice.' },
  { id: SCHEMA_RULE_ID, defaultSeverity: 'error', description: 'Structure: missing or unknown fields, wrong types, bad dates, values outside the lists.' },
  ...RULES.map(({ id, defaultSeverity, description }) => ({ id, defaultSeverity, description })),
  {
    id: DISABLE_RULE_ID,
    defaultSeverity: 'warning',
    description: 'A careplan-disable comment that names a check that does not exist, or (when asked) that hides no finding.',
  },
];

export type { Rule, RuleContext, RuleOption, RuleReport } from './rule';
