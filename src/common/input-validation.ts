import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import { DomainError, ErrorKind } from './errors';

/** How inputs are checked, in GraphQL and REST alike: a left-out field is not checked, null is. */
export const VALIDATOR_OPTIONS: ValidatorOptions = { skipUndefinedProperties: true, forbidUnknownValues: false };

/** What `context` of an input rule holds (src/common/input-rules.ts). */
export interface RuleContext {
  reason: string;
  /** The sibling field the failure is reported at, when it is not the decorated one. */
  field?: string;
}

/** Reason of a failed built-in class-validator decorator (a length or size limit). */
export const VALIDATION_FAILED = 'VALIDATION_FAILED';

/** One failed check of an input: the field's full path, the reason and a message naming the field. */
export interface InputProblem {
  field: string;
  reason: string;
  message: string;
}

/** How a message names a field: `input.title` in GraphQL, "activeTo" for a query parameter. */
export type FieldNamer = (path: string) => string;

const backticks: FieldNamer = (path) => `\`${path}\``;

/** An input that failed its class-validator rules; extensions name the first problem (all are in `problems`). */
export class InputError extends DomainError {
  constructor(readonly problems: InputProblem[]) {
    super(ErrorKind.BAD_USER_INPUT, problems[0]?.reason ?? VALIDATION_FAILED, problems.map((problem) => sentence(problem.message)).join(' '), problems[0]?.field);
  }
}

function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

function pathOf(prefix: string, property: string): string {
  if (/^\d+$/.test(property)) return `${prefix}[${property}]`;
  return prefix ? `${prefix}.${property}` : property;
}

/**
 * class-validator's nested errors as problems with full paths (`input.links[0].url`). Where a
 * field fails one of the hub's own rules, that rule's reason and message stand for it (a
 * built-in's complaint about the same value would only repeat it less clearly).
 */
export function inputProblems(errors: ValidationError[], prefix = '', name: FieldNamer = backticks): InputProblem[] {
  return errors.flatMap((error) => {
    const field = pathOf(prefix, error.property);
    const constraints = Object.entries(error.constraints ?? {}).map(([key, message]) => ({ context: error.contexts?.[key] as RuleContext | undefined, message }));
    const reasoned = constraints.filter((constraint) => constraint.context?.reason);
    const own = (reasoned.length ? reasoned : constraints).map(({ context, message }) => {
      const at = context?.field ? pathOf(prefix, context.field) : field;
      return { field: at, reason: context?.reason ?? VALIDATION_FAILED, message: said(message, error.property, name(at)) };
    });
    return [...own, ...inputProblems(error.children ?? [], field, name)];
  });
}

/** A rule's message with the field named: `$path`, or class-validator's leading property name. */
function said(message: string, property: string, named: string): string {
  if (message.includes('$path')) return message.split('$path').join(named);
  if (message.startsWith(`${property} `)) return `${named}${message.slice(property.length)}`;
  return `${named}: ${message}`;
}

/** Checks an input object (an instance of a class with class-validator decorators); throws an InputError naming its fields under `prefix`. */
export function checkInput(input: object, prefix = '', name: FieldNamer = backticks): void {
  const problems = inputProblems(validateSync(input, VALIDATOR_OPTIONS), prefix, name);
  if (problems.length) throw new InputError(problems);
}
