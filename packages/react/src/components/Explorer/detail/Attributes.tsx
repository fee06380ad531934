import type { EventRecord, ExplorerCategory } from '@rumkit/core';
import { useId, useMemo, useState } from 'react';
import {
  CopyIcon,
  copyText,
  ExploreIcon,
  MenuButton,
  type MenuItem,
  MoreIcon,
  PlusIcon,
  SearchIcon,
  StatePanel,
  useAnnouncer,
} from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { useTimeFormats } from '../timeFormat.js';
import type { FilterRequest } from '../types.js';
import {
  type Attribute,
  displayValue,
  groupAttributes,
  matches,
  rawValue,
} from './attributeModel.js';

export interface AttributesProps {
  category: ExplorerCategory;
  record: EventRecord;
  onFilter: (filter: FilterRequest) => void;
  onAddColumn: (field: string) => void;
}

/**
 * Every field of the record ("extended fields"), grouped by what it describes, with a search by
 * name or value. Each field has a menu: filter by it, exclude it, add it as a column, copy it.
 */
export function Attributes({ category, record, onFilter, onAddColumn }: AttributesProps) {
  const { t } = useRumKit();
  const time = useTimeFormats();
  const [search, setSearch] = useState('');
  const [announcer, announce] = useAnnouncer();
  const base = useId();

  const sections = useMemo(
    () =>
      groupAttributes(category, record).map((section) => ({
        ...section,
        attributes: section.attributes.map((a) => ({
          ...a,
          shown: displayValue(a, time.instant),
        })),
      })),
    [category, record, time],
  );
  const total = sections.reduce((n, s) => n + s.attributes.length, 0);
  const visible = sections
    .map((s) => ({ ...s, attributes: s.attributes.filter((a) => matches(a, a.shown, search)) }))
    .filter((s) => s.attributes.length > 0);
  const shown = visible.reduce((n, s) => n + s.attributes.length, 0);

  const copy = async (attribute: Attribute) => {
    const ok = await copyText(String(rawValue(attribute.value)));
    announce(ok ? t('detail.attr.copied', { key: attribute.key }) : t('common.copyFailed'));
  };

  const menuItems = (attribute: Attribute): MenuItem[] => {
    const value = rawValue(attribute.value);
    const copyItem: MenuItem = {
      id: 'copy',
      label: t('detail.attr.copy'),
      icon: <CopyIcon />,
      onSelect: () => void copy(attribute),
    };
    // The record's time is what the range and the sort are about, not a filter or a column.
    if (attribute.key === 'time') return [copyItem];
    return [
      {
        id: 'filter',
        label: t('detail.attr.filter'),
        icon: <ExploreIcon />,
        onSelect: () => onFilter({ key: attribute.key, value }),
      },
      {
        id: 'exclude',
        label: t('detail.attr.exclude'),
        icon: <ExploreIcon />,
        onSelect: () => onFilter({ key: attribute.key, value, negate: true }),
      },
      {
        id: 'column',
        label: t('detail.attr.addColumn'),
        icon: <PlusIcon />,
        onSelect: () => onAddColumn(attribute.key),
      },
      copyItem,
    ];
  };

  return (
    <div className="rk-attrs">
      <div className="rk-search rk-attrs-search">
        <SearchIcon />
        <input
          type="search"
          className="rk-input"
          aria-label={t('detail.attr.search')}
          placeholder={t('detail.attr.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Escape clears the search first; only an empty search lets it close the drawer.
            if (event.key === 'Escape' && search) {
              event.preventDefault();
              setSearch('');
            }
          }}
        />
      </div>
      {search.trim() ? (
        <p className="rk-muted rk-attrs-count" role="status">
          {t('detail.attr.matching', { shown, total })}
        </p>
      ) : null}
      {visible.length === 0 ? (
        <StatePanel title={t('detail.attr.noMatch', { search: search.trim() })} />
      ) : null}
      {visible.map((section) => (
        <section
          key={section.group}
          className="rk-attrs-group"
          aria-labelledby={`${base}-${section.group}`}
        >
          <h3 id={`${base}-${section.group}`} className="rk-attrs-heading">
            {t(`detail.group.${section.group}`)}
          </h3>
          <dl className="rk-attr-list">
            {section.attributes.map((attribute) => {
              const raw = String(rawValue(attribute.value));
              const multiline = attribute.shown.includes('\n');
              return (
                <div key={attribute.key} className="rk-attr" data-key={attribute.key}>
                  <dt className="rk-attr-key">
                    <code>{attribute.key}</code>
                  </dt>
                  <dd className="rk-attr-value">
                    {multiline ? (
                      <pre className="rk-attr-json">{attribute.shown}</pre>
                    ) : (
                      <span title={raw !== attribute.shown ? raw : undefined}>
                        {attribute.shown}
                      </span>
                    )}
                    <span className="rk-attr-menu">
                      <MenuButton
                        label={t('detail.attr.actions', { key: attribute.key })}
                        items={menuItems(attribute)}
                      >
                        <MoreIcon />
                      </MenuButton>
                    </span>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      {announcer}
    </div>
  );
}
