import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { InputError, inputProblems, VALIDATOR_OPTIONS } from '../common/input-validation';
import { getMetadataStorage as validationMetadataStorage, validateSync } from 'class-validator';

/**
 * type-graphql's check of every argument before a resolver runs: the class-validator decorators
 * of input classes (src/common/input-rules.ts and the built-ins), with the failed fields named by
 * their full path from the argument (`input.links[0].url`, `filter.activeDuring.to`).
 */
export const validateArgument: ValidatorFn = (value, type, { info }) => {
  if (value === null || typeof value !== 'object') return;
  rulesRemembered ??= rememberValidationRules();
  const prefix = argumentName(type, info);
  const items: [string, object][] = Array.isArray(value)
    ? value.flatMap((item, index) => (item !== null && typeof item === 'object' ? [[`${prefix}[${index}]`, item as object] as [string, object]] : []))
    : [[prefix, value as object]];
  const problems = items.flatMap(([path, item]) => inputProblems(validateSync(item, VALIDATOR_OPTIONS), path));
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

let rulesRemembered: true | undefined;

/**
 * class-validator 0.14 finds a class's rules on every validation by testing the class against
 * every class that has rules (`getTargetValidationMetadatas`): about 15 µs of each request with
 * arguments. Every rule is declared when its module loads, before the first request, so the
 * answer for a class and options is kept from then on.
 */
function rememberValidationRules(): true {
  const storage = validationMetadataStorage();
  const find = storage.getTargetValidationMetadatas.bind(storage);
  const kept = new Map<unknown, Map<string, ReturnType<typeof find>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byOptions = kept.get(target);
    if (!byOptions) kept.set(target, (byOptions = new Map()));
    let rules = byOptions.get(options);
    if (!rules) byOptions.set(options, (rules = find(target, schema, always, strictGroups, groups)));
    return rules;
  };
  return true;
}
