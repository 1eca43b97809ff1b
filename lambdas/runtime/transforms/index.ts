// The built-in single message transforms, registered by Kafka's class names, and the chain that runs them.
import type { TransformationPlugin } from '../../connect-api/plugins.js';
import { castKeyPlugin, castValuePlugin } from './Cast.js';
import { dropHeadersPlugin } from './DropHeaders.js';
import { extractFieldKeyPlugin, extractFieldValuePlugin } from './ExtractField.js';
import { filterPlugin } from './Filter.js';
import { flattenKeyPlugin, flattenValuePlugin } from './Flatten.js';
import { headerFromKeyPlugin, headerFromValuePlugin } from './HeaderFrom.js';
import { hoistFieldKeyPlugin, hoistFieldValuePlugin } from './HoistField.js';
import { insertFieldKeyPlugin, insertFieldValuePlugin } from './InsertField.js';
import { insertHeaderPlugin } from './InsertHeader.js';
import { maskFieldKeyPlugin, maskFieldValuePlugin } from './MaskField.js';
import { regexRouterPlugin } from './RegexRouter.js';
import { replaceFieldKeyPlugin, replaceFieldValuePlugin } from './ReplaceField.js';
import { setSchemaMetadataKeyPlugin, setSchemaMetadataValuePlugin } from './SetSchemaMetadata.js';
import { timestampConverterKeyPlugin, timestampConverterValuePlugin } from './TimestampConverter.js';
import { timestampRouterPlugin } from './TimestampRouter.js';
import { valueToKeyPlugin } from './ValueToKey.js';

export { TransformationChain, type TransformationStage } from './TransformationChain.js';
export { TransformError } from './TransformError.js';
export { validateTransforms } from './validateTransforms.js';

export const transformationPlugins: readonly TransformationPlugin[] = [
  castKeyPlugin,
  castValuePlugin,
  dropHeadersPlugin,
  extractFieldKeyPlugin,
  extractFieldValuePlugin,
  filterPlugin,
  flattenKeyPlugin,
  flattenValuePlugin,
  headerFromKeyPlugin,
  headerFromValuePlugin,
  hoistFieldKeyPlugin,
  hoistFieldValuePlugin,
  insertFieldKeyPlugin,
  insertFieldValuePlugin,
  insertHeaderPlugin,
  maskFieldKeyPlugin,
  maskFieldValuePlugin,
  regexRouterPlugin,
  replaceFieldKeyPlugin,
  replaceFieldValuePlugin,
  setSchemaMetadataKeyPlugin,
  setSchemaMetadataValuePlugin,
  timestampConverterKeyPlugin,
  timestampConverterValuePlugin,
  timestampRouterPlugin,
  valueToKeyPlugin,
];
