export { Chronology, byDate, type FactsLoader, type Timeline } from './chronology';
export { factsOf, factsKey, type ActionFact, type EscalationFact, type MilestoneFact, type PreviousActionFact, type RecordFacts } from './facts';
export type { Waiting } from './measures';
