export { findCorpus } from '../../../scripts/harness/corpus-path.ts';
