import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { InputError, inputProblems, VALIDATOR_OPTIONS } from '../common/input-validation';
import { getMetadataStorage as validationMetadataStorage, validateSync, ValidationTypes } from 'class-validator';

/**
 * type-graphql's check of every argument before a resolver runs: the class-validator decorators
 * of input classes (src/common/input-rules.ts and the built-ins), with the failed fields named by
 * their full path from the argument (`input.links[0].url`, `filter.activeDuring.to`).
 */
export const validateArgument: ValidatorFn = (value, type, { info }) => {
  if (value === null || typeof value !== 'object') return;
  const items: [number | null, object][] = Array.isArray(value)
    ? value.flatMap((item, index) => (item !== null && typeof item === 'object' ? [[index, item as object] as [number, object]] : []))
    : [[null, value as object]];
  const ruled = items.filter(([, item]) => holdsRuledValue(item));
  if (!ruled.length) return;
  const prefix = argumentName(type, info);
  const problems = ruled.flatMap(([index, item]) => inputProblems(validateSync(item, VALIDATOR_OPTIONS), index === null ? prefix : `${prefix}[${index}]`));
  if (problems.length) throw new InputError(problems);
};

/** Argument names already worked out, by input type and field (`Query.projects`): the same on every request. */
const argumentNames = new Map<unknown, Map<string, string>>();

/** The name of the argument of this input type ('' for an `@Args()` class, whose fields are the arguments). */
function argumentName(type: unknown, info: GraphQLResolveInfo): string {
  const field = `${info.parentType.name}.${info.fieldName}`;
  let byField = argumentNames.get(type);
  if (!byField) argumentNames.set(type, (byField = new Map()));
  let name = byField.get(field);
  if (name === undefined) {
    name = findArgumentName(type, info);
    byField.set(field, name);
  }
  return name;
}

function findArgumentName(type: unknown, info: GraphQLResolveInfo): string {
  const metadata = getMetadataStorage();
  if (metadata.argumentTypes.some((args) => args.target === type)) return '';
  const typeName = metadata.inputTypes.find((input) => input.target === type)?.name;
  const matching = info.parentType.getFields()[info.fieldName]?.args.filter((arg) => getNamedType(arg.type).name === typeName) ?? [];
  return matching.length === 1 ? matching[0].name : '';
}

/** How class-validator checks a property of an input class: by rules of its own, or inside the nested input. */
interface PropertyRules {
  checked: boolean;
  nested: boolean;
}

const rulesByClass = new Map<unknown, Map<string, PropertyRules> | 'always'>();

/**
 * The properties of an input class that class-validator looks at, or 'always' when one is
 * checked even when left out (`@IsDefined`). `@IsOptional`, `@ValidateIf` and `@Allow` check
 * nothing by themselves.
 */
function rulesOf(type: unknown): Map<string, PropertyRules> | 'always' {
  let rules = rulesByClass.get(type);
  if (rules === undefined) {
    const found = new Map<string, PropertyRules>();
    rules = found;
    for (const metadata of validationMetadataStorage().getTargetValidationMetadatas(type as new () => object, '', false, false)) {
      if (metadata.type === ValidationTypes.IS_DEFINED) rules = 'always';
      if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION || metadata.type === ValidationTypes.WHITELIST) continue;
      const property = found.get(metadata.propertyName) ?? { checked: false, nested: false };
      if (metadata.type === ValidationTypes.NESTED_VALIDATION) property.nested = true;
      else property.checked = true;
      found.set(metadata.propertyName, property);
    }
    rulesByClass.set(type, rules);
  }
  return rules;
}

/**
 * Whether class-validator would check anything of this input: a property with a rule that is
 * not undefined (VALIDATOR_OPTIONS skips undefined ones), or such a property inside a nested
 * input. Most queries send none (a page size, an id), and validating them found nothing at the
 * cost of about 30 µs a request; an input with a value under a rule is validated as before.
 */
export function holdsRuledValue(input: object): boolean {
  const rules = rulesOf(input.constructor);
  if (rules === 'always') return true;
  for (const [name, property] of rules) {
    const value = (input as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (property.checked) return true;
    // A nested rule on something that is not an input object (null, a scalar) is class-validator's to judge.
    if (value === null || typeof value !== 'object') return true;
    const inner = Array.isArray(value) ? value : [value];
    if (inner.some((item: unknown) => item === null || typeof item !== 'object' || holdsRuledValue(item))) return true;
  }
  return false;
}
