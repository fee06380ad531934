import { describe, expect, expectTypeOf, it } from 'vitest';
import type { FieldName } from './catalogue.js';
import type { Category } from './categories.js';
import { checkPoint } from './check.js';
import type { FieldsOf, RumEvent, TagsOf } from './types.js';

describe('event types generated from the catalogue', () => {
  it('types durations and counts as numbers and JSON as strings', () => {
    expectTypeOf<FieldsOf<'view'>['loading_time']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<FieldsOf<'view'>['cumulative_layout_shift']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<FieldsOf<'resource'>['duration']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<FieldsOf<'view'>['view_url_query']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<FieldsOf<'action'>['action_frustration_types']>().toEqualTypeOf<
      string | undefined
    >();
  });

  it('types numeric and boolean tags from the catalogue', () => {
    expectTypeOf<TagsOf<'resource'>['resource_status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<TagsOf<'view'>['is_signin']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<TagsOf<'error'>['error_type']>().toEqualTypeOf<string | undefined>();
  });

  it('keeps other categories out and lets custom context in', () => {
    expectTypeOf<FieldsOf<'view'>>().toHaveProperty('time_spent');
    const fields: FieldsOf<'view'> = { track_id: 'rtrace_1' };
    expectTypeOf(fields.track_id).toEqualTypeOf<string | number | boolean | undefined>();
    // @ts-expect-error a duration is a number
    const bad: FieldsOf<'resource'> = { duration: '1s' };
    // @ts-expect-error resource_status is typed even though it is a tag
    const badTag: TagsOf<'resource'> = { resource_status: true };
    const custom: FieldsOf<'action'> = { action_name: 'buy', cart_items: 3, coupon: 'X1' };
    expect([bad, badTag, custom]).toHaveLength(3);
  });

  it('names every catalogued field in FieldName', () => {
    expectTypeOf<'session_first_view_url'>().toExtend<FieldName>();
    expectTypeOf<'resource_dns_time'>().toExtend<FieldName>();
    expectTypeOf<'not_a_field'>().not.toExtend<FieldName>();
  });

  it('makes RumEvent a union discriminated by measurement', () => {
    expectTypeOf<RumEvent<'view'>['measurement']>().toEqualTypeOf<'view'>();
    expectTypeOf<RumEvent['measurement']>().toEqualTypeOf<Category>();
    expectTypeOf<RumEvent<'view'>['time']>().toEqualTypeOf<number>();
  });

  it('builds a view event that passes checkPoint once written as wire strings', () => {
    const event: RumEvent<'view'> = {
      measurement: 'view',
      time: 1636524705288,
      tags: {
        app_id: 'appid_1',
        view_apdex_level: 0,
        is_signin: false,
        view_loading_type: 'initial_load',
      },
      fields: { loading_time: 1252500000, is_active: true, view_url_query: '{}', team: 'checkout' },
    };
    const tags = Object.fromEntries(Object.entries(event.tags).map(([k, v]) => [k, String(v)]));
    const fields = { ...event.fields } as Record<string, string | number | boolean>;
    expect(checkPoint({ ...event, tags, fields })).toEqual([]);
  });
});
