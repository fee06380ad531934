import type { ExplorerDetail } from '@rumkit/core';
import { Fragment, useId } from 'react';
import { INTL_LOCALE } from '../../../i18n/index.js';
import {
  Button,
  ErrorPanel,
  ExploreIcon,
  LinkIcon,
  SortIcon,
  StatePanel,
} from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import type { ExplorerScope, FilterRequest } from '../types.js';
import { numeric, text } from './format.js';
import { StackView } from './StackView.js';
import {
  CLUSTER_FIELD_CHOICES,
  type Cluster,
  type ClusterSortKey,
  useErrorClusters,
} from './useErrorClusters.js';

export interface ErrorClustersProps {
  /** The error explorer's scope (category error). */
  scope: ExplorerScope;
  onOpen: (detail: ExplorerDetail) => void;
  onFilter: (filter: FilterRequest) => void;
  /**
   * Adds a term in the search syntax to the explorer's search: "Show these errors" of a
   * message pattern uses it for a wildcard search on error_message. Without it, such a
   * cluster is filtered by its error type.
   */
  onSearch?: ((term: string) => void) | undefined;
}

/**
 * The error explorer's cluster analysis (spec §1.6): the newest errors of the range (up to
 * 10,000) grouped by the pattern of their message or by up to three fields, with counts, share
 * and first and last seen, sortable. A cluster opens to its newest error, which can be opened,
 * and to a filter that lists all its errors.
 */
export function ErrorClusters(props: ErrorClustersProps) {
  const { t, locale, formatDateTime } = useRumKit();
  const c = useErrorClusters(props);
  const titleId = useId();
  const rowId = useId();
  const number = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const percent = new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const when = (ms: number) => formatDateTime(new Date(ms).toISOString());
  const byFields = c.fieldsShown.length > 0;

  const header = (key: ClusterSortKey, label: string, className?: string) => {
    const direction =
      c.sort.key === key ? (c.sort.order === 'asc' ? 'ascending' : 'descending') : 'none';
    return (
      <th
        scope="col"
        className={className}
        aria-sort={direction === 'none' ? undefined : direction}
      >
        <button type="button" className="rk-sort-button" onClick={() => c.sortBy(key)}>
          {label}
          <SortIcon direction={direction} />
        </button>
      </th>
    );
  };
  const columns = (byFields ? c.fieldsShown.length : 1) + 4;

  return (
    <section
      className="rk-root rk-clusters"
      data-state={c.state}
      aria-labelledby={titleId}
      aria-busy={c.updating || c.state === 'loading' || undefined}
    >
      <div className="rk-clusters-head">
        <h2 id={titleId} className="rk-insight-title">
          {t('insight.clusters.title')}
        </h2>
        <fieldset className="rk-clusters-group">
          <legend className="rk-label">{t('insight.clusters.groupBy')}</legend>
          {(['pattern', 'fields'] as const).map((mode) => (
            <label key={mode} className="rk-radio">
              <input
                type="radio"
                name={`${titleId}-mode`}
                checked={c.mode === mode}
                onChange={() => c.setMode(mode)}
              />
              {t(mode === 'pattern' ? 'insight.clusters.byPattern' : 'insight.clusters.byFields')}
            </label>
          ))}
          {c.mode === 'fields'
            ? c.fieldSlots.map((field, slot) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: three fixed slots
                <label key={slot} className="rk-clusters-field">
                  <span className="rk-visually-hidden">
                    {t('insight.clusters.field', { n: slot + 1 })}
                  </span>
                  <select
                    className="rk-select"
                    value={field}
                    onChange={(event) => c.setField(slot, event.target.value)}
                  >
                    <option value="">{t('insight.clusters.noField')}</option>
                    {CLUSTER_FIELD_CHOICES.map((name) => (
                      <option
                        key={name}
                        value={name}
                        disabled={name !== field && c.fieldSlots.includes(name)}
                      >
                        {name}
                      </option>
                    ))}
                  </select>
                </label>
              ))
            : null}
        </fieldset>
      </div>

      {c.state === 'loading' || c.state === 'idle' ? (
        <p role="status" className="rk-muted">
          {c.state === 'idle' ? t('common.waitingForNetwork') : t('insight.clusters.loading')}
        </p>
      ) : null}
      {c.state === 'error' ? (
        <ErrorPanel title={t('insight.clusters.failed')} error={c.error} t={t} onRetry={c.retry} />
      ) : null}
      {c.state === 'empty' ? (
        <StatePanel title={t('insight.clusters.empty')}>
          {t('insight.clusters.emptyBody')}
        </StatePanel>
      ) : null}

      {c.state === 'ready' ? (
        <>
          <p className="rk-muted">
            {t.plural('insight.clusters.sampled', c.sampled, { count: number.format(c.sampled) })}
          </p>
          <div className="rk-table-wrap">
            <table
              className="rk-table rk-clusters-table"
              aria-label={t('insight.clusters.table', { count: c.clusters.length })}
            >
              <thead>
                <tr>
                  {byFields
                    ? c.fieldsShown.map((field, i) =>
                        i === 0 ? (
                          <Fragment key={field}>{header('pattern', field)}</Fragment>
                        ) : (
                          <th key={field} scope="col">
                            {field}
                          </th>
                        ),
                      )
                    : header('pattern', t('insight.clusters.pattern'))}
                  {header('count', t('insight.clusters.count'), 'rk-num')}
                  {header('first_seen', t('insight.clusters.firstSeen'))}
                  {header('last_seen', t('insight.clusters.lastSeen'))}
                  <th scope="col">{t('insight.clusters.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {c.clusters.map((cluster, index) => {
                  const open = c.expanded === cluster.pattern;
                  const detailId = `${rowId}-${index}`;
                  const share = c.sampled > 0 ? cluster.count / c.sampled : 0;
                  const values = byFields
                    ? c.fieldsShown.map((f) => {
                        const v = cluster.group?.[f];
                        return v === null || v === undefined
                          ? t('insight.clusters.unset')
                          : text(v);
                      })
                    : [cluster.pattern];
                  return (
                    <Fragment key={cluster.pattern}>
                      <tr data-expanded={open || undefined}>
                        {values.map((value, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: the grouping fields, in order
                          <td key={i} className="rk-cluster-pattern">
                            {i === 0 ? (
                              <button
                                type="button"
                                className="rk-disclosure"
                                aria-expanded={open}
                                aria-controls={detailId}
                                aria-label={t('insight.clusters.expand', {
                                  pattern: cluster.pattern,
                                })}
                                onClick={() => c.toggle(cluster.pattern)}
                              >
                                <span className="rk-disclosure-mark" aria-hidden="true" />
                                <code>{value}</code>
                              </button>
                            ) : (
                              <code>{value}</code>
                            )}
                          </td>
                        ))}
                        <td className="rk-num">
                          <span className="rk-cluster-count">{number.format(cluster.count)}</span>
                          <span
                            className="rk-cluster-share"
                            title={t('insight.clusters.share', { percent: percent.format(share) })}
                          >
                            <span
                              className="rk-cluster-share-bar"
                              style={{ width: `${share * 100}%` }}
                            />
                          </span>
                          <span className="rk-muted rk-cluster-percent">
                            {percent.format(share)}
                          </span>
                        </td>
                        <td>{when(cluster.first_seen)}</td>
                        <td>{when(cluster.last_seen)}</td>
                        <td className="rk-muted">
                          {[text(cluster.sample.error_type), text(cluster.sample.error_source)]
                            .filter(Boolean)
                            .join(' / ')}
                        </td>
                      </tr>
                      {open ? (
                        <tr className="rk-cluster-detail" id={detailId}>
                          <td colSpan={columns}>
                            <ClusterSample cluster={cluster} clusters={c} when={when} />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function ClusterSample({
  cluster,
  clusters,
  when,
}: {
  cluster: Cluster;
  clusters: ReturnType<typeof useErrorClusters>;
  when: (ms: number) => string;
}) {
  const { t } = useRumKit();
  const sample = cluster.sample;
  const id = clusters.errorId(cluster);
  const target = clusters.target(cluster);
  const stack = text(sample.error_stack);
  return (
    <div className="rk-cluster-sample">
      <h3 className="rk-insight-subtitle">{t('insight.clusters.sample')}</h3>
      <p className="rk-cluster-message">
        {text(sample.error_type) ? <strong>{text(sample.error_type)}: </strong> : null}
        {text(sample.error_message)}
      </p>
      <p className="rk-muted">
        {t('insight.clusters.at', {
          time: when(numeric(sample.time) ?? cluster.last_seen),
          url: text(sample.view_url),
        })}
      </p>
      {stack ? <StackView stack={stack} label={t('insight.stack.frames')} /> : null}
      <div className="rk-actions">
        <Button size="sm" disabled={id === null} onClick={() => clusters.open(cluster)}>
          <LinkIcon />
          {t('insight.clusters.open')}
        </Button>
        {target ? (
          <Button size="sm" variant="primary" onClick={() => clusters.show(cluster)}>
            <ExploreIcon />
            {t('insight.clusters.show')}
          </Button>
        ) : null}
      </div>
      {id === null ? <p className="rk-muted">{t('insight.clusters.noId')}</p> : null}
      {target ? (
        <p className="rk-muted">
          {t.nodes('insight.clusters.showHint', { search: <code>{target.text}</code> })}
        </p>
      ) : null}
    </div>
  );
}
