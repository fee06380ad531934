import { describe, expect, it } from 'vitest';
import { FIELDS, fieldsOf, getField, textFieldsOf } from './catalogue.js';
import { CATEGORIES, INGEST_CATEGORIES } from './categories.js';
import { type FieldDef, UNITS } from './field-def.js';

const all: readonly FieldDef[] = FIELDS;

describe('the field catalogue', () => {
  it('has one entry per name', () => {
    const names = all.map((def) => def.name);
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    expect(repeated).toEqual([]);
  });

  it('names every field in snake_case', () => {
    const bad = all
      .map((def) => def.name)
      .filter((name) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(name));
    expect(bad).toEqual([]);
  });

  it('gives every entry a category, a one-line description and a known unit', () => {
    for (const def of all) {
      expect(def.categories.length, def.name).toBeGreaterThan(0);
      for (const category of def.categories) expect(CATEGORIES, def.name).toContain(category);
      expect(def.description, def.name).toMatch(/^\S.*[.)]$/);
      expect(def.description, def.name).not.toContain('\n');
      if (def.unit) expect(UNITS, def.name).toContain(def.unit);
    }
  });

  it('catalogues a duration field in nanoseconds, as an integer', () => {
    for (const name of [
      'duration',
      'loading_time',
      'time_spent',
      'resource_dns',
      'first_input_delay',
    ]) {
      expect(getField(name), name).toMatchObject({ kind: 'field', type: 'integer', unit: 'ns' });
    }
    expect(getField('duration')?.categories).toEqual(['resource', 'long_task', 'action']);
  });

  it('catalogues timestamps in epoch milliseconds and CLS as a unitless float', () => {
    expect(getField('session_error_timestamp')).toMatchObject({
      type: 'integer',
      unit: 'epoch_ms',
    });
    expect(getField('cumulative_layout_shift')).toMatchObject({ type: 'float' });
    expect(getField('cumulative_layout_shift')?.unit).toBeUndefined();
  });

  it('only gives numbers or JSON of numbers a unit', () => {
    const odd = all.filter((def) => def.unit && (def.type === 'string' || def.type === 'boolean'));
    expect(odd.map((def) => def.name)).toEqual([]);
  });

  it('keeps resource_status a tag whose values are integers, so range queries work', () => {
    expect(getField('resource_status')).toMatchObject({ kind: 'tag', type: 'integer' });
    expect(getField('view_apdex_level')).toMatchObject({ kind: 'tag', type: 'integer' });
  });

  it('marks JSON values and the T/F spelling of is_signin', () => {
    expect(getField('view_url_query')?.type).toBe('json');
    expect(getField('action_frustration_types')).toMatchObject({
      type: 'json',
      values: ['rage_click', 'dead_click', 'error_click'],
    });
    expect(getField('is_signin')).toMatchObject({
      kind: 'tag',
      type: 'boolean',
      values: ['T', 'F'],
    });
  });

  it('makes URLs, messages, stacks and names free-text searchable, and only strings', () => {
    expect(textFieldsOf('view')).toEqual(
      expect.arrayContaining(['view_url', 'view_name', 'view_referrer']),
    );
    expect(textFieldsOf('resource')).toContain('resource_url');
    expect(textFieldsOf('error')).toEqual(expect.arrayContaining(['error_message', 'error_stack']));
    expect(textFieldsOf('action')).toContain('action_name');
    expect(textFieldsOf('telemetry')).toContain('message');
    expect(all.filter((def) => def.text && def.type !== 'string')).toEqual([]);
  });

  it('says who sets each value: DataKit for geo, CDN and sourcemaps, the server for sessions', () => {
    const byOrigin = (origin: FieldDef['origin']) =>
      all.filter((def) => def.origin === origin).map((def) => def.name);
    expect(byOrigin('datakit').sort()).toEqual(
      [
        'city',
        'country',
        'country_iso_code',
        'error_stack_source_base64',
        'ip',
        'isp',
        'provider_name',
        'provider_type',
        'province',
      ].sort(),
    );
    const sessionOnly = fieldsOf('session').filter((def) => def.categories.length === 1);
    expect(sessionOnly.length).toBeGreaterThan(0);
    for (const def of sessionOnly) expect(def.origin, def.name).toBe('server');
  });

  it('gives the session its first and last page and its counts', () => {
    const names = fieldsOf('session').map((def) => def.name);
    for (const which of ['first', 'last']) {
      for (const part of ['id', 'url', 'host', 'path', 'path_group', 'url_query', 'name']) {
        expect(names).toContain(`session_${which}_view_${part}`);
      }
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'time_spent',
        'session_has_replay',
        'session_time_spent_count',
        'session_view_count',
        'session_error_count',
        'session_resource_count',
        'session_action_count',
        'session_long_task_count',
        'app_id',
        'userid',
        'country',
      ]),
    );
    expect(names).not.toContain('view_id');
  });

  it('lists the mobile and mini-program extras with their platforms', () => {
    expect(getField('fps_avg')).toMatchObject({
      categories: ['view'],
      platforms: ['android', 'ios'],
    });
    expect(getField('setdata_duration')).toMatchObject({ unit: 'ns', platforms: ['miniapp'] });
    expect(getField('error_situation')).toMatchObject({ kind: 'tag', values: ['startup', 'run'] });
    expect(getField('long_task_stack')?.categories).toEqual(['long_task']);
    expect(getField('request_header')?.categories).toEqual(['resource']);
  });

  it('gives every ingest category app_id and the view context, and keeps categories apart', () => {
    for (const category of INGEST_CATEGORIES) {
      expect(fieldsOf(category).map((def) => def.name)).toContain('app_id');
    }
    const view = fieldsOf('view').map((def) => def.name);
    expect(view).toEqual(expect.arrayContaining(['view_id', 'loading_time', 'is_active']));
    expect(view).not.toContain('resource_url');
    expect(view).not.toContain('duration');
    expect(fieldsOf('error').map((def) => def.name)).toEqual(
      expect.arrayContaining(['resource_url', 'resource_status', 'trace_id', 'error_message']),
    );
  });

  it('answers undefined for a name it does not know', () => {
    expect(getField('my_custom_key')).toBeUndefined();
  });
});
