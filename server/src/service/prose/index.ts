/** Prose analysis of care records: specific parental expectations and pointers to other documents. */
export { analyseExpectation } from './expectation';
export type { ExpectationFields, ExpectationElement, ExpectationAnalysis, ExpectationOptions } from './expectation';
export { findDocumentPointers } from './pointers';
export type { DocumentPointer, PointerOptions } from './pointers';
export { DOCUMENT_TYPES } from './documentTypes';
