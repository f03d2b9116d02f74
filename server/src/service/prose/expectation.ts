/** Is a parental expectation specific? The analysis lives in ./expectation/ (clauses, judging, vagueness, explanation). */
export { analyseExpectation, actionParent } from './expectation/index';
export type { ExpectationFields, ExpectationElement, ExpectationAnalysis, ExpectationOptions } from './expectation/index';
