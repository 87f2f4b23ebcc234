// Public API of the feature library: specs as data, fitting on training rows, transforming any rows.
export type { FeatureSpec, HashedSpec, OneHotName, NumericName, Block } from './spec.ts';
export { specFromToggles, featureCount, featureNames, layout, validateSpec, ALL_ONE_HOTS, ALL_NUMERICS, ONE_HOT_VALUES, HOURS_PER_BUCKET } from './spec.ts';
export { fnv1a32, tokenize, bucketOf, crossHash, FNV_OFFSET, FNV_PRIME } from './hash.ts';
export type { FittedFeatures, NumericStats, TokenTable, TextTables } from './fit.ts';
export { fitFeatures } from './fit.ts';
export type { FeatureMatrix } from './transform.ts';
export { transform } from './transform.ts';
export type { SparseRows } from './sparse.ts';
export { transformSparse, slotCount, numericColumns, sliceSparse, selectSparse, fromDense, denseRow, rowEntries, sparseBytes } from './sparse.ts';
