// The built-in single message transforms, registered by Kafka's class names.
import type { TransformationPlugin } from '../plugins/types.js';

export const transformationPlugins: readonly TransformationPlugin[] = [];
