import { AGGREGATES, type AnalysisChart } from '@rumkit/core';
import { useId } from 'react';
import { Button, PlusIcon, TrashIcon } from '../../../primitives/index.js';
import { useRumKit } from '../../../provider/context.js';
import { type AnalysisModel, MAX_GROUPS } from './useAnalysis.js';

const CHARTS: readonly AnalysisChart[] = ['timeseries', 'toplist', 'pie'];

/**
 * What the analysis groups by (1 to 3 tags), measures (count, or an aggregate of a numeric
 * field) and draws (a segmented control of native radios: arrows move between them).
 */
export function AnalysisControls({ model }: { model: AnalysisModel }) {
  const { t } = useRumKit();
  const id = useId();
  const { groupBy, aggregate, field, chart } = model.analysis;
  const noNumeric = model.measureOptions.length === 0;

  return (
    <div className="rk-analysis-controls">
      <fieldset className="rk-analysis-group">
        <legend>{t('chart.groupBy')}</legend>
        {groupBy.map((name, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a group is its position; its tag changes in place and the select keeps focus
          <span key={index} className="rk-analysis-tag">
            <select
              className="rk-select"
              data-size="sm"
              aria-label={t('chart.groupByN', { n: index + 1 })}
              value={name}
              onChange={(event) => model.setGroup(index, event.target.value)}
            >
              {model.groupOptions
                .filter((option) => option === name || !groupBy.includes(option))
                .map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
            </select>
            {groupBy.length > 1 ? (
              <Button
                size="sm"
                variant="ghost"
                iconOnly
                aria-label={t('chart.removeGroup', { field: name })}
                onClick={() => model.removeGroup(index)}
              >
                <TrashIcon />
              </Button>
            ) : null}
          </span>
        ))}
        {groupBy.length < MAX_GROUPS ? (
          <Button size="sm" variant="ghost" onClick={model.addGroup}>
            <PlusIcon />
            {t('chart.addGroup')}
          </Button>
        ) : null}
      </fieldset>

      <fieldset className="rk-analysis-group">
        <legend>{t('chart.measure')}</legend>
        <select
          className="rk-select"
          data-size="sm"
          aria-label={t('chart.aggregate')}
          value={aggregate}
          onChange={(event) => model.setAggregate(event.target.value as typeof aggregate)}
        >
          {AGGREGATES.map((a) => (
            <option key={a} value={a} disabled={a !== 'count' && noNumeric}>
              {t(`chart.agg.${a}`)}
            </option>
          ))}
        </select>
        {aggregate !== 'count' ? (
          <>
            <span className="rk-muted" aria-hidden="true">
              {t('chart.of')}
            </span>
            <select
              id={`${id}-field`}
              className="rk-select"
              data-size="sm"
              aria-label={t('chart.field')}
              aria-invalid={model.needsField || undefined}
              required
              value={field ?? ''}
              onChange={(event) => model.setField(event.target.value)}
            >
              <option value="" disabled>
                {t('chart.chooseField')}
              </option>
              {model.measureOptions.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </>
        ) : null}
      </fieldset>

      <fieldset className="rk-analysis-group rk-segmented">
        <legend>{t('chart.chart')}</legend>
        {CHARTS.map((option) => (
          <label key={option} className="rk-segment">
            <input
              type="radio"
              name={`${id}-chart`}
              value={option}
              checked={chart === option}
              onChange={() => model.setChart(option)}
            />
            <span>{t(`chart.type.${option}`)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
