export { CreateAppWizard, type CreateAppWizardProps } from './CreateAppWizard.js';
export {
  type AppIdStatus,
  type CreateAppWizardOptions,
  useCreateAppWizard,
  type WizardField,
  type WizardStep,
} from './useCreateAppWizard.js';
