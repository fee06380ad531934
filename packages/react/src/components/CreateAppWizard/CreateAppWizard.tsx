import { APP_TYPES, type App } from '@rumkit/core';
import { type FormEvent, useEffect, useId, useRef } from 'react';
import {
  AppTypeIcon,
  Button,
  CheckIcon,
  ErrorIcon,
  ErrorPanel,
  errorText,
  RefreshIcon,
  StatePanel,
  WarningIcon,
} from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';
import { IntegrateStep } from './IntegrateStep.js';
import {
  APP_ID_STATUS_MESSAGE,
  type CreateAppWizardOptions,
  useCreateAppWizard,
  type WizardStep,
} from './useCreateAppWizard.js';

export interface CreateAppWizardProps extends CreateAppWizardOptions {
  /** Shows a Cancel button that calls this. Default: no button. */
  onCancel?: () => void;
  /** Shows a Done button on the integrate step that calls this. Default: no button. */
  onDone?: (app: App) => void;
  /** Extra class names for the root element. */
  className?: string;
}

/**
 * Creates an app (name, app_id with live validation and a uniqueness check, type), then shows
 * the SDK snippets for its platform with the app_id and intake origin filled in. Given an
 * `appId` it edits that app instead, and warns what changing the app_id does (spec §1.2).
 */
export function CreateAppWizard({ onCancel, onDone, className, ...options }: CreateAppWizardProps) {
  const { t } = useRumKit();
  const wizard = useCreateAppWizard(options);
  const titleId = useId();
  const ids = {
    name: useId(),
    nameHint: useId(),
    nameError: useId(),
    appId: useId(),
    appIdHint: useId(),
    appIdStatus: useId(),
    type: useId(),
    confirm: useId(),
    confirmError: useId(),
  };
  const nameRef = useRef<HTMLInputElement>(null);
  const appIdRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const integrateHeadingRef = useRef<HTMLHeadingElement>(null);

  // Moving to the snippets puts focus at their start, so keyboard and screen reader users
  // are not left on a button that no longer exists.
  const previousStep = useRef<WizardStep>(wizard.step);
  useEffect(() => {
    if (previousStep.current !== wizard.step && wizard.step === 'integrate')
      integrateHeadingRef.current?.focus();
    previousStep.current = wizard.step;
  }, [wizard.step]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = wizard.submit();
    if (invalid === 'name') nameRef.current?.focus();
    else if (invalid === 'appId') appIdRef.current?.focus();
    else if (invalid === 'confirm') confirmRef.current?.focus();
  };

  const title =
    wizard.mode === 'create'
      ? t('wizard.title.create')
      : t('wizard.title.edit', { name: wizard.original?.name ?? '' });

  const root = (children: React.ReactNode) => (
    <section
      className={`rk-root rk-wizard${className ? ` ${className}` : ''}`}
      data-state={wizard.state}
      data-step={wizard.step}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="rk-wizard-title">
        {wizard.mode === 'edit' && !wizard.original
          ? t('wizard.title.edit', { name: '' }).trim()
          : title}
      </h2>
      {children}
    </section>
  );

  if (wizard.state === 'loading') {
    return root(
      <p role="status" className="rk-muted">
        {t('wizard.loading')}
      </p>,
    );
  }
  if (wizard.state === 'idle' && wizard.mode === 'edit')
    return root(<StatePanel title={t('common.waitingForNetwork')} />);
  if (wizard.state === 'empty') {
    return root(
      <StatePanel
        title={t('wizard.notFound.title')}
        actions={onCancel ? <Button onClick={onCancel}>{t('wizard.cancel')}</Button> : undefined}
      >
        {t('wizard.notFound.body')}
      </StatePanel>,
    );
  }
  if (wizard.state === 'error') {
    return root(
      <ErrorPanel
        title={t('wizard.loadFailed')}
        error={wizard.loadError}
        t={t}
        onRetry={wizard.retryLoad}
      />,
    );
  }

  const steps: { id: WizardStep; label: string }[] = [
    { id: 'details', label: t('wizard.step.details') },
    { id: 'integrate', label: t('wizard.step.integrate') },
  ];
  // Creating, the steps go one way; editing, both are always there to visit.
  const canVisit = (step: WizardStep) => wizard.mode === 'edit' && step !== wizard.step;

  const status = wizard.appIdStatus;
  const statusTone =
    wizard.appIdError !== null ? 'error' : status.kind === 'available' ? 'ok' : 'muted';
  const statusText =
    wizard.appIdError ??
    (status.kind === 'invalid' || status.kind === 'taken'
      ? ''
      : t(APP_ID_STATUS_MESSAGE[status.kind]));

  return root(
    <>
      <ol className="rk-steps" aria-label={t('wizard.steps')}>
        {steps.map((step, index) => {
          const current = step.id === wizard.step;
          const done = wizard.mode === 'create' && step.id === 'details' && wizard.app !== null;
          const content = (
            <>
              <span className="rk-step-number" aria-hidden="true">
                {done ? <CheckIcon /> : index + 1}
              </span>
              {step.label}
              {done ? <span className="rk-visually-hidden"> ({t('wizard.stepDone')})</span> : null}
            </>
          );
          return (
            <li key={step.id}>
              {canVisit(step.id) ? (
                <button type="button" className="rk-step" onClick={() => wizard.setStep(step.id)}>
                  {content}
                </button>
              ) : (
                <span
                  className="rk-step"
                  aria-current={current ? 'step' : undefined}
                  data-done={done ? '' : undefined}
                >
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ol>

      {wizard.step === 'integrate' && wizard.app ? (
        <>
          <IntegrateStep ref={integrateHeadingRef} app={wizard.app} />
          <div className="rk-actions">
            {onDone ? (
              <Button variant="primary" onClick={() => wizard.app && onDone(wizard.app)}>
                {t('integrate.done')}
              </Button>
            ) : null}
            {wizard.mode === 'edit' ? (
              <Button onClick={() => wizard.setStep('details')}>{t('integrate.back')}</Button>
            ) : null}
          </div>
        </>
      ) : (
        <form className="rk-form" noValidate onSubmit={onSubmit}>
          <div className="rk-field">
            <label htmlFor={ids.name} className="rk-label">
              {t('wizard.field.name')}
            </label>
            <input
              ref={nameRef}
              id={ids.name}
              className="rk-input"
              type="text"
              autoComplete="off"
              required
              value={wizard.values.name}
              aria-invalid={wizard.nameError !== null}
              aria-describedby={`${ids.nameHint}${wizard.nameError ? ` ${ids.nameError}` : ''}`}
              onChange={(event) => wizard.setName(event.target.value)}
              onBlur={() => wizard.touch('name')}
            />
            {wizard.nameError ? (
              <p id={ids.nameError} className="rk-field-message" data-tone="error">
                <ErrorIcon />
                {wizard.nameError}
              </p>
            ) : null}
            <p id={ids.nameHint} className="rk-hint">
              {t('wizard.field.nameHint')}
            </p>
          </div>

          <div className="rk-field">
            <label htmlFor={ids.appId} className="rk-label">
              {t('wizard.field.appId')}
            </label>
            <div className="rk-input-row">
              <input
                ref={appIdRef}
                id={ids.appId}
                className="rk-input"
                data-mono=""
                type="text"
                autoComplete="off"
                spellCheck={false}
                required
                value={wizard.values.appId}
                aria-invalid={wizard.appIdError !== null}
                aria-describedby={`${ids.appIdStatus} ${ids.appIdHint}`}
                onChange={(event) => wizard.setAppId(event.target.value)}
                onBlur={() => wizard.touch('appId')}
              />
              {wizard.mode === 'create' ? (
                <Button onClick={wizard.regenerate}>
                  <RefreshIcon />
                  {t('wizard.field.generate')}
                </Button>
              ) : null}
            </div>
            <p
              id={ids.appIdStatus}
              className="rk-field-message"
              data-tone={statusTone}
              data-status={status.kind}
              aria-live="polite"
            >
              {statusTone === 'error' ? <ErrorIcon /> : statusTone === 'ok' ? <CheckIcon /> : null}
              {statusText}
            </p>
            <p id={ids.appIdHint} className="rk-hint">
              {t('wizard.field.appIdHint')}
            </p>
          </div>

          <fieldset className="rk-fieldset">
            <legend>{t('wizard.field.type')}</legend>
            <div className="rk-type-grid">
              {APP_TYPES.map((type) => (
                <label key={type} className="rk-type-card">
                  <input
                    type="radio"
                    name={ids.type}
                    value={type}
                    checked={wizard.values.type === type}
                    onChange={() => wizard.setType(type)}
                  />
                  <AppTypeIcon type={type} />
                  <span className="rk-type-card-text">
                    <span>{t(`appType.${type}` as const)}</span>
                    <span className="rk-type-card-hint">{t(`appTypeHint.${type}` as const)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          {wizard.appIdChanged ? (
            <div className="rk-callout" role="note" aria-labelledby={`${ids.confirm}-title`}>
              <p id={`${ids.confirm}-title`} className="rk-callout-title">
                <WarningIcon />
                {t('appIdChange.title')}
              </p>
              <p>{t.nodes('appIdChange.was', { appId: <code>{wizard.original?.app_id}</code> })}</p>
              <ul>
                <li>{t('appIdChange.sdk')}</li>
                <li>{t('appIdChange.data')}</li>
                <li>{t('appIdChange.monitors')}</li>
              </ul>
              <label className="rk-check">
                <input
                  ref={confirmRef}
                  id={ids.confirm}
                  type="checkbox"
                  checked={wizard.confirmed}
                  aria-invalid={wizard.confirmError !== null}
                  aria-describedby={wizard.confirmError ? ids.confirmError : undefined}
                  onChange={(event) => wizard.setConfirmed(event.target.checked)}
                />
                <span>{t('appIdChange.confirm')}</span>
              </label>
              {wizard.confirmError ? (
                <p id={ids.confirmError} className="rk-field-message" data-tone="error">
                  <ErrorIcon />
                  {wizard.confirmError}
                </p>
              ) : null}
            </div>
          ) : null}

          {wizard.saveError ? (
            <div className="rk-alert" role="alert">
              <ErrorIcon />
              <span>
                {t(wizard.mode === 'create' ? 'wizard.createFailed' : 'wizard.saveFailed', {
                  message: errorText(wizard.saveError, t),
                })}
              </span>
            </div>
          ) : null}

          <div className="rk-actions">
            <Button type="submit" variant="primary" aria-busy={wizard.saving || undefined}>
              {wizard.mode === 'create'
                ? wizard.saving
                  ? t('wizard.creating')
                  : t('wizard.create')
                : wizard.saving
                  ? t('wizard.saving')
                  : t('wizard.save')}
            </Button>
            {onCancel ? <Button onClick={onCancel}>{t('wizard.cancel')}</Button> : null}
            <span role="status" className="rk-muted">
              {wizard.justSaved ? t('wizard.saved') : ''}
            </span>
          </div>
        </form>
      )}
    </>,
  );
}
