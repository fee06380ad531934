import type { FIELDS } from './catalogue.js';
import type { Category } from './categories.js';
import type { FieldDef, Kind, ValueType } from './field-def.js';

type Def = (typeof FIELDS)[number];

/** The TypeScript value of a catalogue type; JSON travels as a string. */
export type ValueOf<T extends ValueType> = T extends 'integer' | 'float'
  ? number
  : T extends 'boolean'
    ? boolean
    : string;

/** Custom context: any other key the app adds (global, view or user context). */
export type CustomValue = string | number | boolean;

// Distributes over the union of catalogue entries.
type Carried<D, C extends Category, K extends Kind> = D extends FieldDef
  ? C extends D['categories'][number]
    ? D['kind'] extends K
      ? D
      : never
    : never
  : never;

type Known<C extends Category, K extends Kind> = {
  [D in Carried<Def, C, K> as D['name']]?: ValueOf<D['type']>;
};

/** Tags of a category: catalogued names typed from the catalogue, plus custom ones. */
export type TagsOf<C extends Category> = Known<C, 'tag'> & Record<string, CustomValue>;

/** Fields of a category: catalogued names typed from the catalogue, plus custom context. */
export type FieldsOf<C extends Category> = Known<C, 'field'> & Record<string, CustomValue>;

/** A typed RUM record; `time` is epoch ms. Without an argument, the union of all categories. */
export type RumEvent<C extends Category = Category> = C extends Category
  ? { measurement: C; time: number; tags: TagsOf<C>; fields: FieldsOf<C> }
  : never;
