import type { Translator } from '../../../i18n/index.js';
import {
  MenuButton,
  type MenuItem,
  MoreIcon,
  PlusIcon,
  TrashIcon,
} from '../../../primitives/index.js';
import type { Sort } from './columns.js';

export interface ColumnMenuProps {
  field: string;
  /** The column's name as its header shows it. */
  label: string;
  /** Position among the chosen columns; -1 for the time column. */
  position: number;
  count: number;
  t: Translator;
  onSort: (sort: Sort) => void;
  onMove: (from: number, to: number) => void;
  /** Opens the column chooser, new columns going in after this one. */
  onInsert: (after: number) => void;
  onRemove: (position: number) => void;
  onAddFacet: ((field: string) => void) | undefined;
}

/**
 * A column's menu (spec §1.6): sort, move, insert, add to quick filters, remove. Items that
 * cannot apply are left out rather than disabled, so arrows never stop on a dead item.
 */
export function ColumnMenu({
  field,
  label,
  position,
  count,
  t,
  onSort,
  onMove,
  onInsert,
  onRemove,
  onAddFacet,
}: ColumnMenuProps) {
  const items: MenuItem[] = [
    {
      id: 'asc',
      label: t('table.menu.sortAsc'),
      onSelect: () => onSort({ field, order: 'asc' }),
    },
    {
      id: 'desc',
      label: t('table.menu.sortDesc'),
      // Time, newest first, is the default order: say so as null, as the state does.
      onSelect: () => onSort(field === 'time' ? null : { field, order: 'desc' }),
    },
  ];
  if (position > 0) {
    items.push({
      id: 'left',
      label: t('table.menu.moveLeft'),
      onSelect: () => onMove(position, position - 1),
    });
  }
  if (position >= 0 && position < count - 1) {
    items.push({
      id: 'right',
      label: t('table.menu.moveRight'),
      onSelect: () => onMove(position, position + 1),
    });
  }
  items.push({
    id: 'insert',
    label: t('table.menu.insert'),
    icon: <PlusIcon />,
    separated: true,
    onSelect: () => onInsert(position + 1),
  });
  if (onAddFacet && field !== 'time') {
    items.push({
      id: 'facet',
      label: t('table.menu.addFacet'),
      onSelect: () => onAddFacet(field),
    });
  }
  if (position >= 0) {
    items.push({
      id: 'remove',
      label: t('table.menu.remove'),
      icon: <TrashIcon />,
      tone: 'danger',
      separated: true,
      onSelect: () => onRemove(position),
    });
  }
  return (
    <MenuButton label={t('table.menu.label', { field: label })} items={items}>
      <MoreIcon />
    </MenuButton>
  );
}
