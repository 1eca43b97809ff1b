// The built-in predicates, registered by Kafka's class names.
import type { PredicatePlugin } from '../plugins/types.js';

export const predicatePlugins: readonly PredicatePlugin[] = [];
