// Stands in for @apollo/usage-reporting-protobuf and @apollo/utils.usagereporting
// in the Lambda bundle. Loket never reports usage to Apollo GraphOS (no
// APOLLO_KEY) and is no federated subgraph (no inline traces), so Apollo Server
// never loads the plugins that use them; leaving out their 230 KB (the second
// brings lodash.sortby and four AST utilities) shortens every cold start.
// Touching either throws.
const unavailable = () => {
  throw new Error('Apollo usage reporting is not part of the Loket bundle');
};
const stub = new Proxy(function stub() {}, { get: unavailable, apply: unavailable, construct: unavailable });
export const Trace = stub;
export const Report = stub;
export const ReportHeader = stub;
export const google = stub;
export const usageReportingSignature = stub;
export const calculateReferencedFieldsByType = stub;
