import {
  ApiError,
  type App,
  type AppIdCheck,
  type AppType,
  appDetailOptions,
  appIdCheckOptions,
  checkAppId,
  createAppMutation,
  generateAppId,
  updateAppMutation,
  writeAppToCache,
} from '@rumkit/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useControllableState } from '../../hooks/useControllableState.js';
import type { MessageKey } from '../../i18n/index.js';
import { useDebouncedValue } from '../../primitives/index.js';
import { useRumKit } from '../../provider/context.js';
import type { ComponentState } from '../ApplicationList/useApplicationList.js';

export type WizardStep = 'details' | 'integrate';
export type WizardField = 'name' | 'appId' | 'confirm';

export interface CreateAppWizardOptions {
  /** The internal id of an app to edit. Default: the wizard creates a new app. */
  appId?: string;
  /** The step shown, when the host owns it (for instance in its URL). */
  step?: WizardStep;
  /** The starting step when the wizard owns it. Default `'details'`. */
  defaultStep?: WizardStep;
  /** Called with every change of step. */
  onStepChange?: (step: WizardStep) => void;
  /** Starting values of a new app. Default: no name, a generated app_id, type Web. */
  defaultValues?: { name?: string; app_id?: string; type?: AppType };
  /** Makes the app_ids the wizard proposes. Default: `appid_` and 32 random hex digits. */
  generateId?: () => string;
  /** Called once a new app exists. */
  onCreated?: (app: App) => void;
  /** Called when changes to an app are saved. */
  onSaved?: (app: App) => void;
}

/** What the app_id field says under it. */
export type AppIdStatus =
  | { kind: 'invalid'; check: Extract<AppIdCheck, { ok: false }> }
  | { kind: 'checking' }
  | { kind: 'available' }
  | { kind: 'unchanged' }
  | { kind: 'taken' }
  | { kind: 'check-failed' };

function randomHex(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const NAME_MAX = 100;

/** State, validation and handlers of the CreateAppWizard; the component only renders them. */
export function useCreateAppWizard(options: CreateAppWizardOptions = {}) {
  const { backend, queryClient, t, store } = useRumKit();
  const mode = options.appId ? ('edit' as const) : ('create' as const);
  const generate = useCallback(
    () => (options.generateId ?? (() => generateAppId(randomHex)))(),
    [options.generateId],
  );

  const detail = useQuery(
    { ...appDetailOptions(backend, options.appId ?? ''), enabled: mode === 'edit' },
    queryClient,
  );
  const original = mode === 'edit' ? detail.data : undefined;

  const [name, setName] = useState(options.defaultValues?.name ?? '');
  const [appIdValue, setAppIdValue] = useState(() => options.defaultValues?.app_id ?? generate());
  const [type, setType] = useState<AppType>(options.defaultValues?.type ?? 'web');
  const [touched, setTouched] = useState<Record<'name' | 'appId', boolean>>({
    name: false,
    appId: false,
  });
  const [submitted, setSubmitted] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [serverAppIdError, setServerAppIdError] = useState<string | null>(null);
  const [created, setCreated] = useState<App | null>(null);
  const [justSaved, setJustSaved] = useState(false);

  // Edit mode: fill the form once the app has loaded (and again if another app is opened).
  const [filledFor, setFilledFor] = useState<string | null>(null);
  useEffect(() => {
    if (original && filledFor !== original.id) {
      setName(original.name);
      setAppIdValue(original.app_id);
      setType(original.type);
      setFilledFor(original.id);
    }
  }, [original, filledFor]);

  const [step, setStep] = useControllableState<WizardStep>({
    value: options.step,
    defaultValue: options.defaultStep ?? 'details',
    onChange: options.onStepChange,
  });
  /** The app the integrate step shows: the one just created, or the one being edited. */
  const app: App | null = mode === 'create' ? created : (original ?? null);
  const shownStep: WizardStep = step === 'integrate' && app ? 'integrate' : 'details';

  // Validation.
  const trimmed = name.trim();
  const nameError =
    trimmed === ''
      ? t('wizard.field.nameRequired')
      : trimmed.length > NAME_MAX
        ? t('wizard.field.nameTooLong')
        : null;
  const localCheck = checkAppId(appIdValue);
  const unchanged = original !== undefined && appIdValue === original.app_id;
  const debounced = useDebouncedValue(appIdValue, 300);
  const availability = useQuery(
    {
      ...appIdCheckOptions(backend, debounced, original?.id),
      enabled: checkAppId(debounced).ok && !(original && debounced === original.app_id),
    },
    queryClient,
  );

  let appIdStatus: AppIdStatus;
  if (!localCheck.ok) appIdStatus = { kind: 'invalid', check: localCheck };
  else if (unchanged) appIdStatus = { kind: 'unchanged' };
  else if (serverAppIdError !== null) appIdStatus = { kind: 'taken' };
  else if (debounced !== appIdValue || availability.isFetching) appIdStatus = { kind: 'checking' };
  else if (availability.isError) appIdStatus = { kind: 'check-failed' };
  else if (availability.data?.available === false) appIdStatus = { kind: 'taken' };
  else if (availability.data?.available) appIdStatus = { kind: 'available' };
  else appIdStatus = { kind: 'checking' };

  const appIdError =
    appIdStatus.kind === 'invalid'
      ? invalidMessage(appIdStatus.check, appIdValue, t)
      : appIdStatus.kind === 'taken'
        ? (serverAppIdError ?? t('appId.taken'))
        : null;
  const appIdChanged = mode === 'edit' && original !== undefined && !unchanged;
  const confirmError =
    appIdChanged && !confirmed && submitted ? t('appIdChange.confirmRequired') : null;

  const showNameError = (touched.name || submitted) && nameError !== null;
  const showAppIdError =
    appIdError !== null && (touched.appId || submitted || appIdStatus.kind === 'taken');

  const onSuccess = useCallback(
    (saved: App) => {
      writeAppToCache(queryClient, saved);
      store.getState().markRecent(saved.id);
    },
    [queryClient, store],
  );
  const creation = useMutation({ ...createAppMutation(backend) }, queryClient);
  const update = useMutation({ ...updateAppMutation(backend) }, queryClient);
  const saving = creation.isPending || update.isPending;
  const saveError = creation.error ?? update.error;

  /** Validates and saves; returns the first field to fix, if any, so the form can focus it. */
  const submit = useCallback((): WizardField | null => {
    setSubmitted(true);
    setJustSaved(false);
    if (nameError) return 'name';
    if (appIdError) return 'appId';
    if (appIdChanged && !confirmed) return 'confirm';
    if (saving) return null;
    const handleError = (error: Error) => {
      if (error instanceof ApiError && error.status === 409) setServerAppIdError(error.message);
    };
    if (mode === 'create') {
      creation.mutate(
        { name: trimmed, app_id: appIdValue, type },
        {
          onSuccess: (app) => {
            onSuccess(app);
            setCreated(app);
            setStep('integrate');
            options.onCreated?.(app);
          },
          onError: handleError,
        },
      );
    } else if (original) {
      const patch = {
        ...(trimmed !== original.name ? { name: trimmed } : {}),
        ...(appIdValue !== original.app_id ? { app_id: appIdValue } : {}),
        ...(type !== original.type ? { type } : {}),
      };
      update.mutate(
        { id: original.id, patch },
        {
          onSuccess: (app) => {
            onSuccess(app);
            setConfirmed(false);
            setSubmitted(false);
            setJustSaved(true);
            options.onSaved?.(app);
            // A new app_id means new snippets: show them.
            if (app.app_id !== original.app_id) setStep('integrate');
          },
          onError: handleError,
        },
      );
    }
    return null;
  }, [
    nameError,
    appIdError,
    appIdChanged,
    confirmed,
    saving,
    mode,
    creation,
    update,
    trimmed,
    appIdValue,
    type,
    original,
    onSuccess,
    setStep,
    options.onCreated,
    options.onSaved,
  ]);

  let state: ComponentState;
  if (mode === 'create') state = created ? 'ready' : 'idle';
  else if (detail.isPending) state = detail.fetchStatus === 'paused' ? 'idle' : 'loading';
  else if (detail.isError)
    state = detail.error instanceof ApiError && detail.error.status === 404 ? 'empty' : 'error';
  else state = 'ready';

  const isDirty = useMemo(
    () =>
      original !== undefined &&
      (trimmed !== original.name || appIdValue !== original.app_id || type !== original.type),
    [original, trimmed, appIdValue, type],
  );

  return {
    mode,
    state,
    step: shownStep,
    setStep,
    app,
    original,
    loadError: detail.error,
    retryLoad: () => void detail.refetch(),
    values: { name, appId: appIdValue, type },
    setName: (value: string) => {
      setName(value);
      setJustSaved(false);
    },
    setAppId: (value: string) => {
      // The app_id is checked as it is typed: its rule is strict and easy to break unseen.
      setAppIdValue(value);
      setTouched((t) => ({ ...t, appId: true }));
      setServerAppIdError(null);
      setJustSaved(false);
    },
    setType: (value: AppType) => {
      setType(value);
      setJustSaved(false);
    },
    regenerate: () => {
      setAppIdValue(generate());
      setServerAppIdError(null);
      setTouched((t) => ({ ...t, appId: true }));
    },
    touch: (field: 'name' | 'appId') => setTouched((t) => ({ ...t, [field]: true })),
    nameError: showNameError ? nameError : null,
    appIdStatus,
    appIdError: showAppIdError ? appIdError : null,
    appIdChanged,
    confirmed,
    setConfirmed,
    confirmError,
    isDirty,
    saving,
    saveError: saveError instanceof ApiError && saveError.status === 409 ? null : saveError,
    justSaved,
    submit,
  };
}

/** The localized sentence for a broken app_id rule, naming the length or the character. */
function invalidMessage(
  check: Extract<AppIdCheck, { ok: false }>,
  value: string,
  t: ReturnType<typeof useRumKit>['t'],
): string {
  switch (check.problem) {
    case 'empty':
      return t('appId.empty');
    case 'too_long':
      return t('appId.tooLong', { length: value.length });
    case 'bad_characters':
      return t('appId.badCharacters', {
        char: [...value].find((ch) => !/[A-Za-z0-9_]/.test(ch)) ?? '',
      });
  }
}

export const APP_ID_STATUS_MESSAGE: Record<
  Exclude<AppIdStatus['kind'], 'invalid' | 'taken'>,
  MessageKey
> = {
  checking: 'appId.checking',
  available: 'appId.available',
  unchanged: 'appId.unchanged',
  'check-failed': 'appId.checkFailed',
};
