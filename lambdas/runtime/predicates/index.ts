// The built-in predicates, registered by Kafka's class names.
import type { PredicatePlugin } from '../../connect-api/plugins.js';
import { hasHeaderKeyPlugin } from './HasHeaderKey.js';
import { recordIsTombstonePlugin } from './RecordIsTombstone.js';
import { topicNameMatchesPlugin } from './TopicNameMatches.js';

export const predicatePlugins: readonly PredicatePlugin[] = [topicNameMatchesPlugin, hasHeaderKeyPlugin, recordIsTombstonePlugin];
