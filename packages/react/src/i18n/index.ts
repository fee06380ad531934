export { en, type MessageKey, type Messages } from './en.js';
export {
  createTranslator,
  fillNodes,
  fillText,
  INTL_LOCALE,
  type Locale,
  type Translator,
} from './format.js';
export { zh } from './zh.js';
