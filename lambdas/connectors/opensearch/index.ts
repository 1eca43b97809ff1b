// The Elasticsearch / OpenSearch sink plugin: `plugins` is what a plugin package exports (lambdas/connect-api).
import { openSearchSinkConnector } from './OpenSearchSinkConnector.js';

export { openSearchSinkConnector };
export const plugins = [openSearchSinkConnector];
