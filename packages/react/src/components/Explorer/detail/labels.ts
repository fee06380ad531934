import { type ExplorerCategory, formatFieldValue } from '@rumkit/core';
import type { Translator } from '../../../i18n/index.js';

type Values = Record<string, unknown>;

/** A value as text, or '' when absent (null, undefined, empty). */
export const text = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value);

/** A field's value in its unit (`340 ms`, `12 KiB`), or '' when absent. */
export const formatted = (field: string, value: unknown): string =>
  value === null || value === undefined || value === ''
    ? ''
    : (formatFieldValue(field, value) ?? '');

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

/**
 * A record's main label, what the drawer's title and the timeline show of it: a session's
 * first → last page, a view's path group, a resource's method and URL, an error's type and
 * message, an action's name, a long task's duration. Works on full records and on timeline
 * entries (TIMELINE_FIELDS).
 */
export function recordTitle(category: ExplorerCategory, record: Values, t: Translator): string {
  switch (category) {
    case 'session': {
      const first = text(record.session_first_view_path ?? record.session_first_view_url);
      const last = text(record.session_last_view_path ?? record.session_last_view_url);
      if (!first && !last) return text(record.session_id);
      return first === last || !last ? first : `${first} → ${last}`;
    }
    case 'view':
      return text(
        record.view_path_group ?? record.view_name ?? record.view_path ?? record.view_url,
      );
    case 'resource':
      return (
        join(text(record.resource_method), text(record.resource_url)) ||
        t('detail.category.resource')
      );
    case 'error': {
      const type = text(record.error_type);
      const message =
        text(record.error_message) || (record.resource_url ? text(record.resource_url) : '');
      return type && message
        ? `${type}: ${message}`
        : type || message || t('detail.category.error');
    }
    case 'action':
      return text(record.action_name) || text(record.action_type) || t('detail.category.action');
    case 'long_task': {
      const duration = formatted('duration', record.duration);
      return duration ? t('detail.title.longTask', { duration }) : t('detail.category.long_task');
    }
  }
}

/** A second line under the title where the title leaves out something useful. */
export function recordSubtitle(category: ExplorerCategory, record: Values): string {
  if (category === 'view') return text(record.view_url);
  if (category === 'session') return text(record.session_id);
  return '';
}

export type BadgeTone = 'neutral' | 'good' | 'warning' | 'danger';
export interface Badge {
  id: string;
  /** What the badge says, such as "Loading time 1.2 s". */
  text: string;
  tone: BadgeTone;
}

const count = (value: unknown) => (Number.isFinite(Number(value)) ? Number(value) : 0);

/** The key facts of a record shown as badges under the title (status, duration, type…). */
export function recordBadges(category: ExplorerCategory, record: Values, t: Translator): Badge[] {
  const badges: Badge[] = [];
  const add = (id: string, value: string, tone: BadgeTone = 'neutral') => {
    if (value) badges.push({ id, text: value, tone });
  };
  const measure = (field: string, key: Parameters<Translator>[0]) => {
    const value = formatted(field, record[field]);
    if (value) add(field, t(key, { value }));
  };
  const errors = (field: string) => {
    const n = count(record[field]);
    if (n > 0) add(field, t.plural('detail.badge.errors', n), 'danger');
  };
  switch (category) {
    case 'session':
      add('session_type', text(record.session_type));
      measure('time_spent', 'detail.badge.timeSpent');
      add('session_view_count', t.plural('detail.badge.views', count(record.session_view_count)));
      errors('session_error_count');
      break;
    case 'view':
      add('view_loading_type', text(record.view_loading_type));
      measure('loading_time', 'detail.badge.loadingTime');
      measure('time_spent', 'detail.badge.timeSpent');
      errors('view_error_count');
      break;
    case 'resource': {
      const status = count(record.resource_status);
      if (record.resource_status !== undefined && record.resource_status !== null)
        add(
          'resource_status',
          text(record.resource_status),
          status >= 400 ? 'danger' : status >= 200 && status < 300 ? 'good' : 'neutral',
        );
      add('resource_type', text(record.resource_type));
      measure('duration', 'detail.badge.duration');
      measure('resource_size', 'detail.badge.size');
      break;
    }
    case 'error':
      add('error_source', text(record.error_source), 'danger');
      add('error_handling', text(record.error_handling));
      break;
    case 'action':
      add('action_type', text(record.action_type));
      measure('duration', 'detail.badge.duration');
      for (const type of frustrations(record.action_frustration_types))
        add(`frustration-${type}`, type, 'warning');
      errors('action_error_count');
      break;
    case 'long_task':
      measure('blocking_duration', 'detail.badge.blocking');
      break;
  }
  return badges;
}

/** `action_frustration_types` arrives as an array or as JSON text of one. */
export function frustrations(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      return [];
    }
  }
  return typeof value === 'string' && value ? value.split(',') : [];
}
