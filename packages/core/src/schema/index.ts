export { FIELDS, type FieldName, fieldsOf, getField, textFieldsOf } from './catalogue.js';
export {
  CATEGORIES,
  type Category,
  EVENT_CATEGORIES,
  type EventCategory,
  INGEST_CATEGORIES,
  type IngestCategory,
  isCategory,
  isIngestCategory,
} from './categories.js';
export { checkPoint, type DecodedPoint, type Problem } from './check.js';
export { renderSchemaMarkdown } from './doc.js';
export {
  type FieldDef,
  type Kind,
  type Origin,
  PLATFORMS,
  type Platform,
  UNITS,
  type Unit,
  type ValueType,
} from './field-def.js';
export type { CustomValue, FieldsOf, RumEvent, TagsOf, ValueOf } from './types.js';
export { parseValue, type RawValue, type TypedValue } from './values.js';
