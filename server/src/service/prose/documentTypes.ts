/**
 * Document types seen in care records, keyed by the canonical ids the schema's
 * `references[].type` enum uses. Aliases are lower case; matching is case-insensitive.
 */
export const DOCUMENT_TYPES: Record<string, { label: string; aliases: string[] }> = {
  pep: { label: 'Personal education plan (PEP)', aliases: ['pep', 'peps', 'epep', 'e-pep', 'personal education plan'] },
  'health-assessment': {
    label: 'Health assessment (IHA / RHA)',
    aliases: [
      'iha', 'rha', 'initial health assessment', 'review health assessment', 'health assessment',
      'health plan', 'lac medical', 'cla medical', 'health review', 'looked after child medical',
    ],
  },
  'care-plan': { label: 'Care plan', aliases: ['care plan', 'final care plan', 'interim care plan', 'permanence plan', 'care and placement plan'] },
  'child-protection-plan': { label: 'Child protection plan', aliases: ['cp plan', 'child protection plan', 'protection plan'] },
  'child-in-need-plan': { label: 'Child in need plan', aliases: ['cin plan', 'child in need plan'] },
  'placement-plan': { label: 'Placement plan', aliases: ['placement plan', 'placement agreement', 'placement information record', 'pwp agreement', 'placement with parents agreement'] },
  'pathway-plan': { label: 'Pathway plan', aliases: ['pathway plan', 'pathway needs assessment'] },
  'contact-plan': { label: 'Contact / family time plan', aliases: ['contact plan', 'contact agreement', 'family time plan', 'family time agreement'] },
  'safety-plan': { label: 'Safety plan', aliases: ['safety plan', 'safety agreement', 'written agreement'] },
  'parenting-assessment': {
    label: 'Parenting assessment',
    aliases: ['parenting assessment', 'parenting capacity assessment', 'pams assessment', 'pams', 'parenting report', 'residential assessment'],
  },
  'viability-assessment': { label: 'Viability assessment', aliases: ['viability assessment', 'viability', 'connected persons assessment', 'special guardianship assessment', 'sgo assessment', 'kinship assessment'] },
  'psychological-assessment': {
    label: 'Psychological assessment',
    aliases: [
      'psychological assessment', 'psychological report', "psychologist's report", 'psychology report',
      'psychiatric assessment', 'psychiatric report', "psychiatrist's report", 'cognitive assessment', 'psychologist report',
    ],
  },
  'court-order': {
    label: 'Court order',
    aliases: [
      'court order', 'care order', 'interim care order', 'ico', 'supervision order', 'placement order',
      'special guardianship order', 'sgo', 'child arrangements order', 'cao', 'court directions', "court's directions", 'order of the court',
    ],
  },
  'court-judgment': { label: 'Court judgment', aliases: ['judgment', 'judgement', 'court judgment', 'fact-finding judgment', 'findings of fact', 'threshold document', 'threshold findings'] },
  chronology: { label: 'Chronology', aliases: ['chronology', 'chronologies'] },
  'police-disclosure': { label: 'Police disclosure', aliases: ['police disclosure', 'police checks', 'police check', 'police information', 'pnc check', 'dbs check', 'disclosure from the police', 'mash check'] },
  'drug-test': {
    label: 'Drug / alcohol test report',
    aliases: [
      'hair strand test results', 'hair strand test', 'hair strand results', 'hair strand', 'hair test', 'drug test', 'drug tests',
      'drug testing', 'alcohol test', 'alcohol testing', 'peth test', 'peth', 'toxicology report', 'drug and alcohol test',
      'test results', 'urine screen', 'drug screen',
    ],
  },
  'gp-letter': { label: 'GP letter', aliases: ['gp letter', 'letter from the gp', "gp's letter", 'gp report', "gp's report", 'letter from gp'] },
  'social-work-report': {
    label: "Social worker's report",
    aliases: [
      "social worker's report", 'social work report', 'sw report', 'social work statement', "social worker's statement",
      'swet', 'social work evidence template', 'report to the review', 'report for the review', 'report to this review',
      'final statement', 'social work assessment', 'child and family assessment', 'single assessment', 'c&f assessment',
    ],
  },
  'review-minutes': {
    label: 'Previous review minutes',
    aliases: [
      'review minutes', 'lac review minutes', 'cla review minutes', 'minutes of the last review', 'minutes of the previous review',
      'minutes of the last lac review', 'minutes of the last cla review', 'previous review', 'last review', 'last lac review',
      'last cla review', 'previous lac review', 'previous cla review', 'previous minutes', 'last minutes', 'previous review record',
      'review record', "iro's record", 'record of the last review', 'record of the previous review', 'previous review minutes',
      'last review minutes',
    ],
  },
  'disruption-minutes': { label: 'Disruption meeting minutes', aliases: ['disruption meeting minutes', 'disruption minutes', 'disruption meeting record', 'disruption report'] },
  ehcp: { label: 'Education, health and care plan (EHCP)', aliases: ['ehcp', 'ehc plan', 'education health and care plan', 'education, health and care plan'] },
  'supervision-record': { label: 'Supervision record', aliases: ['supervision record', 'supervision notes', 'management oversight', 'case supervision record', 'supervision minutes'] },
  other: {
    label: 'Other document',
    aliases: [
      'appendix', 'appendices', 'annex', 'attachment', 'attached report', 'report', 'reports', 'assessment', 'minutes',
      'letter', 'records', 'record', 'file', 'documents', 'document', 'statement', 'plan', 'case notes', 'notes',
    ],
  },
};
