/**
 * The explorer's settings form in the page: each field's text and the message under a field
 * whose text cannot be used. Reading the form checks every field (explorer-fields.ts) and marks
 * the bad ones, so a reader sees all that needs fixing at once.
 */
import {
  EXPLORER_FIELDS,
  type ExplorerKey,
  type ExplorerValues,
  readField,
  withField,
} from './explorer-fields.ts';

/** The form of one explorer: `fill` sets its fields and messages, `read` gives its values. */
export interface ExplorerForm {
  fill(texts: Record<ExplorerKey, string>, problems: Partial<Record<ExplorerKey, string>>): void;
  /** The form's values, or null after marking every bad field (and focusing the first). */
  read(): ExplorerValues | null;
}

/** The form `form`, whose fields start from `defaults` (the tutorial's values). */
export function explorerForm(form: HTMLFormElement, defaults: ExplorerValues): ExplorerForm {
  // A text field, or the list of initialisation schemes.
  const input = (param: string) =>
    find<HTMLInputElement | HTMLSelectElement>(form, `[name="${param}"]`);
  const showProblem = (param: string, message: string | undefined): void => {
    const field = input(param);
    const error = find<HTMLElement>(form, `[data-error-for="${param}"]`);
    error.textContent = message ?? '';
    error.hidden = message === undefined;
    if (message === undefined) field.removeAttribute('aria-invalid');
    else field.setAttribute('aria-invalid', 'true');
  };
  return {
    fill(texts, problems) {
      for (const field of EXPLORER_FIELDS) {
        input(field.param).value = texts[field.key];
        showProblem(field.param, problems[field.key]);
      }
    },
    read() {
      let values = { ...defaults };
      let firstBad: HTMLInputElement | HTMLSelectElement | null = null;
      for (const field of EXPLORER_FIELDS) {
        const reading = readField(field, input(field.param).value);
        showProblem(field.param, reading.ok ? undefined : reading.message);
        if (reading.ok) values = withField(values, field, reading.value);
        else firstBad ??= input(field.param);
      }
      if (firstBad === null) return values;
      firstBad.focus();
      return null;
    },
  };
}

/** The element matching `selector` inside `parent`; a missing hook is a bug in the markup. */
export function find<T extends Element>(parent: ParentNode, selector: string): T {
  const element = parent.querySelector<T>(selector);
  if (element === null) throw new Error(`training explorer: no element matches ${selector}`);
  return element;
}
