export { Chronology, byDate, type FactsLoader } from './chronology';
export { factsOf, factsKey, type ActionFact, type MilestoneFact, type RecordFacts } from './facts';
