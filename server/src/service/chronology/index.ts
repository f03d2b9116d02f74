export { Chronology, byDate, type FactsLoader } from './chronology';
export { factsOf, factsKey, type ActionFact, type EscalationFact, type MilestoneFact, type PreviousActionFact, type RecordFacts } from './facts';
