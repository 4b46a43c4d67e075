// Business rules: the patterns live in ./rules/ (one module per rule kind); this path stays for
// the extractor's import.
export { findRules } from './rules/index';
