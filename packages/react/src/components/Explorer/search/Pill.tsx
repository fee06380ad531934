import { type Pill as PillModel, printSearch, soleKey } from '@rumkit/core';
import { CloseIcon, EditIcon, MenuButton, MoreIcon, TrashIcon } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';

/**
 * One conjunct of the committed search: the key and value (or the text), an exclusion marked
 * NOT in its own colour. Clicking it puts its text in the input to edit; its menu also
 * excludes or includes it and removes it; × removes it.
 */
export function Pill({
  pill,
  editing,
  onEdit,
  onNegate,
  onRemove,
}: {
  pill: PillModel;
  /** Its text is in the input being edited. */
  editing: boolean;
  onEdit: () => void;
  onNegate: () => void;
  onRemove: () => void;
}) {
  const { t } = useRumKit();
  const shown = printSearch(pill.filter);
  // `key:value` and `key:(a OR b)` show their key apart; anything else is shown whole.
  const soleKeyOf = pill.filter.type === 'term' ? pill.filter.key : soleKey(pill.filter);
  const key = soleKeyOf && shown.startsWith(`${soleKeyOf}:`) ? soleKeyOf : null;
  const value = key ? shown.slice(key.length + 1) : shown;
  const label = pill.text;

  return (
    <span
      className="rk-search-pill"
      data-negated={pill.negated || undefined}
      data-editing={editing || undefined}
      title={pill.text}
    >
      <button
        type="button"
        className="rk-search-pill-main"
        // The name holds what the pill shows (WCAG 2.5.3): "Edit filter NOT browser:Chrome".
        aria-label={`${t('search.pill.editPrefix')} ${pill.negated ? `${t('search.not')} ` : ''}${key ? `${key}:` : ''}${value}`}
        onClick={onEdit}
      >
        {pill.negated ? <span className="rk-search-pill-not">{t('search.not')} </span> : null}
        {key ? <span className="rk-search-pill-key">{key}:</span> : null}
        <span className="rk-search-pill-value">{value}</span>
      </button>
      <MenuButton
        label={t('search.pill.actions', { text: label })}
        items={[
          { id: 'edit', label: t('search.action.editText'), icon: <EditIcon />, onSelect: onEdit },
          {
            id: 'negate',
            label: t(pill.negated ? 'search.action.include' : 'search.action.exclude'),
            onSelect: onNegate,
          },
          {
            id: 'remove',
            label: t('search.action.remove'),
            icon: <TrashIcon />,
            tone: 'danger',
            separated: true,
            onSelect: onRemove,
          },
        ]}
      >
        <MoreIcon />
      </MenuButton>
      <button
        type="button"
        className="rk-search-pill-remove"
        aria-label={t('search.pill.remove', { text: label })}
        onClick={onRemove}
      >
        <CloseIcon />
      </button>
    </span>
  );
}
