// Stands in for @apollo/usage-reporting-protobuf in the Lambda bundle. Loket
// never reports usage to Apollo GraphOS (no APOLLO_KEY) and is no federated
// subgraph (no inline traces), so Apollo Server never loads the plugins that
// use it; leaving out its 200 KB shortens every cold start. Touching it throws.
const unavailable = () => {
  throw new Error('Apollo usage reporting is not part of the Loket bundle');
};
const stub = new Proxy(function stub() {}, { get: unavailable, apply: unavailable, construct: unavailable });
export const Trace = stub;
export const Report = stub;
export const ReportHeader = stub;
export const google = stub;
