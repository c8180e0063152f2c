/** The need pages' name for the shared hook, kept while assign-form.tsx (changed on another branch) imports it. */
export { useAction as useNeedAction } from '../../ui/use-action';
